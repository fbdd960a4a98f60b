// Photos and documents of a result: those already kept (download, remove), and those chosen
// here (from the camera or the phone's files) waiting to be sent, each with its own status.
// They are sent one by one after the figures are saved, so that one refused file (too big,
// of a kind the server does not keep) never holds back the others or the figures.
import { useId, useState } from 'react';
import { type Attachment, attachmentAccept, attachmentMaxBytes } from '../../api/attachments';
import { ApiError } from '../../api/client';
import { describeError } from '../../components/ErrorAlert';
import { ConfirmDialog } from '../../components/records';
import { type Translate, useT } from '../../i18n/context';
import { useNumbers } from '../../lib/format';

export type PendingFile = {
  key: number;
  file: File;
  status: 'waiting' | 'sending' | 'failed';
  message?: string | undefined;
  /** Failed for want of a connection: sent again with the next batch. */
  retriable?: boolean;
};

/** Whether the next batch sends this file: never sent yet, or lost with the connection. */
export function isQueued(item: PendingFile): boolean {
  return item.status === 'waiting' || (item.status === 'failed' && item.retriable === true);
}

let nextKey = 1;

/** Files as chosen, each checked for what the server would refuse without sending it. */
export function pendingFrom(files: FileList | null, t: Translate): PendingFile[] {
  return [...(files ?? [])].map((file) => {
    const key = nextKey++;
    if (file.size === 0) return { key, file, status: 'failed', message: t('results.fileEmpty') };
    if (file.size > attachmentMaxBytes) {
      return { key, file, status: 'failed', message: t('results.fileTooLarge') };
    }
    return { key, file, status: 'waiting' };
  });
}

/** Why a file was not kept: the server's message, or ours for a lost connection. */
export function uploadFailure(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === 'NETWORK') return t('results.fileOffline');
  return describeError(error, t);
}

/** `2,4 MB`, `350 kB`. */
function useSize() {
  const { number } = useNumbers();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
      : `${number(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** What a person who may add and remove files works with; absent for a read-only list. */
export type AttachmentEditing = {
  pending: readonly PendingFile[];
  /** Whether chosen files can be sent on their own (the result is already in). */
  canSendNow: boolean;
  sending: boolean;
  /** What the sending is at, said to a screen reader too. */
  progress: string;
  onPick: (files: FileList | null) => void;
  onRetry: (key: number) => void;
  onDiscard: (key: number) => void;
  onSendNow: () => void;
  onDelete: (attachment: Attachment) => Promise<void>;
};

export function AttachmentsSection({
  attachments,
  editing,
}: {
  attachments: readonly Attachment[];
  editing?: AttachmentEditing | undefined;
}) {
  const t = useT();
  const id = useId();
  const size = useSize();
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const editable = editing !== undefined;
  const pending = editing?.pending ?? [];
  const canSendNow = editing?.canSendNow ?? false;
  const sending = editing?.sending ?? false;
  const waiting = pending.filter(isQueued).length;

  return (
    <section className="fieldset result-files" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="field__label result-files__title">
        {t('results.files')}
      </h3>
      {editable ? <p className="field__hint">{t('results.filesHint')}</p> : null}

      {attachments.length === 0 && pending.length === 0 ? (
        <p className="muted result-files__none">{t('results.noFiles')}</p>
      ) : null}
      {attachments.length > 0 ? (
        <ul className="result-files__list" aria-label={t('results.filesKept')}>
          {attachments.map((attachment) => (
            <li key={attachment.id} className="result-file" data-attachment={attachment.id}>
              <span className="result-file__kind">
                {attachment.kind === 'photo' ? t('results.photo') : t('results.document')}
              </span>
              <a className="result-file__name" href={attachment.url} download={attachment.fileName}>
                {attachment.fileName}
              </a>
              <span className="result-file__size muted">{size(attachment.size)}</span>
              {editable ? (
                <button
                  type="button"
                  className="button button--secondary result-file__action"
                  aria-label={t('results.deleteFile', { name: attachment.fileName })}
                  onClick={() => setDeleting(attachment)}
                >
                  {t('results.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {pending.length > 0 ? (
        <ul className="result-files__list" aria-label={t('results.filesPending')}>
          {pending.map((item) => (
            <li
              key={item.key}
              className={item.status === 'failed' ? 'result-file result-file--failed' : 'result-file'}
              data-pending={item.status}
            >
              <span className="result-file__kind">
                {item.status === 'sending' ? <span className="spinner" aria-hidden="true" /> : null}
                {t(`results.fileStatus.${item.status}`)}
              </span>
              <span className="result-file__name">{item.file.name}</span>
              <span className="result-file__size muted">{size(item.file.size)}</span>
              {item.message ? <span className="result-file__message">{item.message}</span> : null}
              {item.status === 'failed' && canSendNow ? (
                <button
                  type="button"
                  className="button button--secondary result-file__action"
                  aria-label={t('results.retryFile', { name: item.file.name })}
                  onClick={() => editing?.onRetry(item.key)}
                  disabled={sending}
                >
                  {t('results.retry')}
                </button>
              ) : null}
              {item.status !== 'sending' ? (
                <button
                  type="button"
                  className="button button--secondary result-file__action"
                  aria-label={t('results.discardFile', { name: item.file.name })}
                  onClick={() => editing?.onDiscard(item.key)}
                >
                  {t('results.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <p className="result-files__progress" role="status">
          {editing.progress}
        </p>
      ) : null}

      {editing ? (
        <div className="result-files__pickers">
          <label className="button button--secondary result-files__pick">
            <input
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(event) => {
                editing.onPick(event.target.files);
                event.target.value = '';
              }}
            />
            {t('results.takePhoto')}
          </label>
          <label className="button button--secondary result-files__pick">
            <input
              className="visually-hidden"
              type="file"
              accept={attachmentAccept}
              multiple
              onChange={(event) => {
                editing.onPick(event.target.files);
                event.target.value = '';
              }}
            />
            {t('results.chooseFiles')}
          </label>
          {canSendNow && waiting > 0 ? (
            <button type="button" className="button" disabled={sending} onClick={editing.onSendNow}>
              {t('results.sendFiles', { count: waiting })}
            </button>
          ) : null}
        </div>
      ) : null}
      {editable && !canSendNow && pending.length > 0 ? (
        <p className="field__hint">{t('results.filesWithResult')}</p>
      ) : null}

      {deleting ? (
        <ConfirmDialog
          title={t('results.deleteFileTitle', { name: deleting.fileName })}
          message={t('results.deleteFileMessage')}
          confirmLabel={t('results.remove')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await editing?.onDelete(deleting);
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}
