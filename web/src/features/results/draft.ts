// What a person typed into a result form, kept in this browser until it is sent: a phone that
// loses its connection in a commune hall, or a page reloaded by mistake, loses nothing.
// Kept per user and per activity, so that two people sharing an office computer never see
// each other's figures. Files are not kept: a browser cannot store a chosen file for later.
import { storedInstantNow } from '../../i18n/dates';

/** The form's fields as typed (texts, not numbers: a half-typed figure is kept as it is). */
export type ResultDraft = {
  figures: Record<string, string>;
  notes: string;
  links: string[];
  actualStartDay: string;
  actualStartTime: string;
  actualEndDay: string;
  actualEndTime: string;
};

/**
 * `baseVersion` is the version of the saved result the draft was typed against (null: none
 * was saved yet). A draft typed against an older version is not restored over newer figures
 * without asking.
 */
type Stored = ResultDraft & { savedAt: string; baseVersion: number | null };

function keyOf(userId: number, activityId: number): string {
  return `result-draft:v1:${userId}:${activityId}`;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** The draft kept for this activity, or null (none, unreadable, or storage refused). */
export function readDraft(userId: number, activityId: number): Stored | null {
  try {
    const text = window.localStorage.getItem(keyOf(userId, activityId));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Stored>;
    if (!isStringRecord(value.figures) || !Array.isArray(value.links)) return null;
    const asText = (entry: unknown) => (typeof entry === 'string' ? entry : '');
    return {
      figures: value.figures,
      notes: asText(value.notes),
      links: value.links.map(asText),
      actualStartDay: asText(value.actualStartDay),
      actualStartTime: asText(value.actualStartTime),
      actualEndDay: asText(value.actualEndDay),
      actualEndTime: asText(value.actualEndTime),
      savedAt: asText(value.savedAt),
      baseVersion: typeof value.baseVersion === 'number' ? value.baseVersion : null,
    };
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the browser refuses (private mode, storage full). */
export function writeDraft(
  userId: number,
  activityId: number,
  draft: ResultDraft,
  baseVersion: number | null,
): boolean {
  try {
    const stored: Stored = { ...draft, savedAt: storedInstantNow(), baseVersion };
    window.localStorage.setItem(keyOf(userId, activityId), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: number, activityId: number): void {
  try {
    window.localStorage.removeItem(keyOf(userId, activityId));
  } catch {
    // Nothing kept, nothing to clear.
  }
}
