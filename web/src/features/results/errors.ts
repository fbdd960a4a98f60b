// A refused save, split for the result forms: the server's messages by the path they name
// (`values.attendances_female`, `links.1`, `title`), whatever prefix the body gave them
// (`result.` and `activity.` in a one-step log), and what no field of the form shows.
import { ApiError } from '../../api/client';
import { describeError } from '../../components/ErrorAlert';
import type { Translate } from '../../i18n/context';

export type PathMessages = Partial<Record<string, string>>;

/** `result.values.x` and `values.x` alike → `values.x`. */
function plainPath(path: string): string {
  return path.replace(/^(result|activity)\./, '');
}

/**
 * The details of a 400 VALIDATION_FAILED or a 422 NEEDS_CONFIRMATION by the form field they
 * belong to (`fieldOf` answers it for a path, or null when no field of the form shows it);
 * the rest as sentences for above the form.
 */
export function messagesByPath(
  error: unknown,
  fieldOf: (path: string) => string | null,
  t: Translate,
): { byPath: PathMessages; other: string[] } {
  const byPath: PathMessages = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byPath, other };
  for (const detail of error.details) {
    const path = plainPath(detail.path);
    const field = fieldOf(path);
    const words = t.refusal(detail);
    if (field !== null) byPath[field] = byPath[field] ? `${byPath[field]} ${words}` : words;
    else other.push(detail.path ? `${path}: ${words}` : words);
  }
  return { byPath, other };
}

/**
 * What the page refused (its errors by the body's paths, `activity.title`, `result.links.0`)
 * by the form field they belong to; a path no field shows keeps its own name.
 */
export function pageMessages(messages: PathMessages, fieldOf: (path: string) => string | null): PathMessages {
  const byPath: PathMessages = {};
  for (const [path, message] of Object.entries(messages)) {
    const field = fieldOf(plainPath(path)) ?? plainPath(path);
    byPath[field] ??= message;
  }
  return byPath;
}

/** Whether the failure is one the form shows at its fields. */
export function isFieldRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.code === 'VALIDATION_FAILED' || error.code === 'NEEDS_CONFIRMATION') &&
    error.details.length > 0
  );
}

/** The heading of a refusal that no field shows, by what the person can do about it. */
export function refusalTitle(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('results.notSent');
  switch (error.code) {
    case 'PERIOD_LOCKED':
      return t('results.periodLocked');
    case 'FORBIDDEN':
      return t('results.forbidden');
    case 'CONFLICT':
      return t('results.conflict');
    case 'VERSION_CONFLICT':
      return t('results.versionConflict');
    case 'NETWORK':
      return t('results.offline');
    default:
      return t('results.notSent');
  }
}

/** What went wrong, in words: the server's own message, or ours for a lost connection. */
export function refusalText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.code === 'NETWORK') return t('results.offlineText');
  if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
    return `${t.refusal(error)} ${t('results.versionConflictText')}`;
  }
  return describeError(error, t);
}
