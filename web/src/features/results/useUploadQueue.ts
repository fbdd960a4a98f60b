// The photos and documents chosen for a result, sent one by one once the result is saved
// (an attachment belongs to a result the server has). Each file's state is in the list the
// page keeps (`pending`, held above the form so that "load again" does not lose it); a file
// refused stays listed with the reason, one lost to the connection can be tried again.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { type Attachment, uploadAttachment } from '../../api/attachments';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/context';
import { isQueued, type PendingFile, pendingFrom, uploadFailure } from './Attachments';

export type PendingList = {
  pending: PendingFile[];
  setPending: (update: (list: PendingFile[]) => PendingFile[]) => void;
};

export function useUploadQueue({
  activityId,
  pending,
  setPending,
  onSent,
}: PendingList & { activityId: number; onSent: (attachment: Attachment) => void }) {
  const t = useT();
  // The loop below reads the list as it is now, not as it was when the send began.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState('');
  const upload = useMutation({ mutationFn: (file: File) => uploadAttachment(activityId, file) });

  const mark = (key: number, update: Partial<PendingFile>) =>
    setPending((list) => list.map((entry) => (entry.key === key ? { ...entry, ...update } : entry)));

  /** Sends the waiting files (or only the one of `only`), saying how far it has got. */
  const send = async (only?: number) => {
    const queue = pendingRef.current.filter((item) =>
      only === undefined ? isQueued(item) : item.key === only,
    );
    if (queue.length === 0) return;
    setSending(true);
    let sent = 0;
    for (const [index, item] of queue.entries()) {
      setProgress(t('results.sendingFile', { current: index + 1, total: queue.length }));
      mark(item.key, { status: 'sending', message: undefined });
      try {
        const attachment = await upload.mutateAsync(item.file);
        sent += 1;
        setPending((list) => list.filter((entry) => entry.key !== item.key));
        onSent(attachment);
      } catch (error) {
        mark(item.key, {
          status: 'failed',
          message: uploadFailure(error, t),
          retriable: error instanceof ApiError && error.code === 'NETWORK',
        });
      }
    }
    setSending(false);
    setProgress(
      sent === queue.length
        ? t('results.filesSent', { count: sent })
        : t('results.filesPartlySent', { sent, total: queue.length }),
    );
  };

  return {
    sending,
    progress,
    send,
    pick: (files: FileList | null) => {
      // Read now: the picker is emptied right after, and the update may run later.
      const picked = pendingFrom(files, t);
      setPending((list) => [...list, ...picked]);
    },
    retry: (key: number) => {
      const waiting = (entry: PendingFile): PendingFile =>
        entry.key === key ? { ...entry, status: 'waiting', message: undefined } : entry;
      setPending((list) => list.map(waiting));
      pendingRef.current = pendingRef.current.map(waiting);
      void send(key);
    },
    discard: (key: number) => setPending((list) => list.filter((entry) => entry.key !== key)),
  };
}
