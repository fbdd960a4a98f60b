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

/** Only the scalar parameters the catalogue's words can take. */
function scalars(params: Record<string, unknown> = {}): RefusalParams {
  const kept: RefusalParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
  }
  return kept;
}

function zodWords(code: string, params: Record<string, unknown>): string | undefined {
  // The server sends the issue as zod raised it, less its path, input and words.
  const issue = { ...params, code, input: undefined, path: [] } as unknown as Parameters<
    NonNullable<typeof englishZod.localeError>
  >[0];
  const worded = englishZod.localeError?.(issue);
  return typeof worded === 'string' ? worded : worded?.message;
}

export function refusalWords(refused: Refused, language: Language): string {
  if (language === 'vi' || !refused.key) return refused.message;
  if (isRefusalKey(refused.key)) return refusalText(refused.key, scalars(refused.params), 'en');
  if (refused.key.startsWith('zod.'))
    return zodWords(refused.key.slice(4), refused.params ?? {}) ?? refused.message;
  return refused.message;
}

const vietnameseZod = z.locales.vi();

type ZodIssue = Parameters<NonNullable<typeof englishZod.localeError>>[0];

/**
 * A zod issue raised in the browser (a form checked by its contract's schema) in the reader's
 * language, worded as the server would word it: the same key and figures, through the same
 * catalogue, so that a field says the same whether the page or the server found the fault.
 */
export function zodIssueWords(issue: ZodIssue, language: Language): string {
  const worded = vietnameseZod.localeError?.(issue);
  const message = (typeof worded === 'string' ? worded : worded?.message) ?? issue.code;
  return refusalWords({ key: `zod.${issue.code}`, params: { ...issue }, message }, language);
}
