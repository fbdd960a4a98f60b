// The result form's draft: what the person types is kept on this device across reloads
// and lost connections, until it is sent. A draft kept on this device wins over the saved
// result it was typed against: it is what the person typed last. Typed against another
// version (someone saved meanwhile), it is only offered: the saved figures are shown, and
// the person chooses.
import { useEffect, useState } from 'react';
import type { Result } from '../../api/results';
import { clearDraft, type ResultDraft, readDraft, writeDraft } from './draft';
import { figureTexts } from './figures';
import { zonedTexts } from './times';

const emptyDraft: ResultDraft = {
  figures: {},
  notes: '',
  links: [],
  actualStartDay: '',
  actualStartTime: '',
  actualEndDay: '',
  actualEndTime: '',
};

export function draftOf(result: Result | null, timeZone: string): ResultDraft {
  if (!result) return emptyDraft;
  const start = zonedTexts(result.actualStart, timeZone);
  const end = zonedTexts(result.actualEnd, timeZone);
  return {
    figures: figureTexts(result.values),
    notes: result.notes,
    links: result.links,
    actualStartDay: start.day,
    actualStartTime: start.time,
    actualEndDay: end.day,
    actualEndTime: end.time,
  };
}

export function useResultDraft(userId: number, activityId: number, result: Result | null, timeZone: string) {
  const baseVersion = result?.version ?? null;
  const [kept] = useState(() => {
    const stored = readDraft(userId, activityId);
    if (!stored) return null;
    const { savedAt: _savedAt, baseVersion: typedAgainst, ...typed } = stored;
    return { typed, current: typedAgainst === baseVersion };
  });
  const [stale, setStale] = useState<ResultDraft | null>(kept && !kept.current ? kept.typed : null);
  const restoredAtStart = kept?.current === true;
  const [draft, setDraft] = useState<ResultDraft>(() =>
    kept && restoredAtStart ? kept.typed : draftOf(result, timeZone),
  );
  const [restored, setRestored] = useState(restoredAtStart);
  const [dirty, setDirty] = useState(restoredAtStart);
  const [storageFailed, setStorageFailed] = useState(false);

  useEffect(() => {
    if (dirty) setStorageFailed(!writeDraft(userId, activityId, draft, baseVersion));
  }, [draft, dirty, userId, activityId, baseVersion]);

  /** What was typed: kept on the device from now on. */
  const change = (update: Partial<ResultDraft>) => {
    setDraft((current) => ({ ...current, ...update }));
    setDirty(true);
  };
  /** Sent and saved: the device forgets the draft, and the form shows what the server keeps. */
  const saved = (answer: Result) => {
    clearDraft(userId, activityId);
    setDirty(false);
    setRestored(false);
    setDraft(draftOf(answer, timeZone));
  };
  /** The draft typed against another version, taken over the saved figures; false when there is none. */
  const restoreStale = (): boolean => {
    if (!stale) return false;
    setDraft(stale);
    setStale(null);
    setDirty(true);
    setRestored(true);
    return true;
  };
  const dropStale = () => {
    setStale(null);
    if (!dirty) clearDraft(userId, activityId);
  };
  /** Back to the saved result, the draft forgotten. */
  const discard = () => {
    clearDraft(userId, activityId);
    setDraft(draftOf(result, timeZone));
    setDirty(false);
    setRestored(false);
  };
  return { draft, dirty, restored, stale, storageFailed, change, saved, restoreStale, dropStale, discard };
}
