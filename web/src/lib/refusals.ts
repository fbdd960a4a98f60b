// A refusal of the server in the reader's language. The server sends each refusal's key and
// parameters beside its Vietnamese words: catalogue keys are worded from the same catalogue
// the server uses (server/domain/refusals.ts); zod's own issues (`zod.too_small`...) by
// zod's English locale from the issue's figures. Anything else keeps the server's words.
import { z } from 'zod';
import {
  isRefusalKey,
  type Language,
  type RefusalParams,
  refusalText,
} from '../../../server/domain/refusals';

export type Refused = {
  key?: string | undefined;
  params?: Record<string, unknown> | undefined;
  message: string;
};

const englishZod = z.locales.en();
const vietnameseZod = z.locales.vi();

type ZodIssue = Parameters<NonNullable<typeof englishZod.localeError>>[0];

/** Only the scalar parameters the catalogue's words can take. */
function scalars(params: Record<string, unknown> = {}): RefusalParams {
  const kept: RefusalParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
  }
  return kept;
}

function zodWords(code: string, params: Record<string, unknown>): string | undefined {
  // The server sends the issue as zod raised it, less its path, input, words and any list
  // (an enum's allowed values): a locale that needs what is missing falls back to the
  // server's Vietnamese rather than failing the page.
  const issue = { ...params, code, input: undefined, path: [] } as unknown as ZodIssue;
  try {
    const worded = englishZod.localeError?.(issue);
    return typeof worded === 'string' ? worded : worded?.message;
  } catch {
    return undefined;
  }
}

export function refusalWords(refused: Refused, language: Language): string {
  if (language === 'vi' || !refused.key) return refused.message;
  if (isRefusalKey(refused.key)) return refusalText(refused.key, scalars(refused.params), 'en');
  if (refused.key.startsWith('zod.'))
    return zodWords(refused.key.slice(4), refused.params ?? {}) ?? refused.message;
  return refused.message;
}

/**
 * A zod issue raised in the browser (a form checked by its contract's schema) in the reader's
 * language, by zod's own locale of that language: the page has the whole issue (the value
 * typed, the values allowed), which the server's key and figures carry only in part.
 */
export function zodIssueWords(issue: ZodIssue, language: Language): string {
  const worded = (language === 'vi' ? vietnameseZod : englishZod).localeError?.(issue);
  return (typeof worded === 'string' ? worded : worded?.message) ?? issue.code;
}
