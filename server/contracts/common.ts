// Building blocks of the HTTP contract. This folder (with server/domain) is the only server
// code the web imports, so it depends on zod and the domain alone, and has no side effects:
// the server and the web each configure zod (its message language) where they start.
import { z } from 'zod';
import { refusalText } from '../domain/refusals';

export const Id = z.number().int().positive();
/** An id in a path or query string, where everything arrives as text. */
export const IdParam = z.coerce.number().int().positive();
export const IdParams = z.strictObject({ id: IdParam });

/** Vietnamese text is stored and compared in NFC. */
export const Text = z.string().trim().normalize('NFC');
export const RequiredText = (max: number) => Text.min(1, refusalText('field.required')).max(max);

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February). */
export const DateString = z.iso.date({
  message: refusalText('field.date'),
});
/** A date-time that carries its offset: a time without a zone means nothing to a province-wide calendar. */
export const OffsetDateTime = z.iso.datetime({
  offset: true,
  message: refusalText('field.dateTime'),
});
/** Either of the two, as activity times and range bounds are written. */
export const DateOrDateTime = z.string().refine((value) => isDate(value) || isOffsetDateTime(value), {
  message: refusalText('field.dateOrDateTime'),
});

export function isDate(value: string): boolean {
  return DateString.safeParse(value).success;
}

export function isOffsetDateTime(value: string): boolean {
  return OffsetDateTime.safeParse(value).success;
}

export const Code = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, refusalText('field.code'));

/** `limit`/`offset` of every list; each list is bounded. */
export function pageQuery(defaultLimit = 100, maxLimit = 1000) {
  return {
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).default(0),
  };
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

/** The optimistic-concurrency token a PATCH may carry instead of `If-Match`. */
export const VersionField = { version: z.number().int().positive().optional() };

export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PERIOD_LOCKED',
  'VERSION_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NEEDS_CONFIRMATION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * The refusal's stable key and parameters, beside its Vietnamese `message`: the web writes
 * the refusal in the reader's language from them (server/domain/refusals.ts). Zod's own
 * issues are keyed `zod.<issue code>` with the figures as parameters.
 */
const RefusalFields = {
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
};

export const ErrorDetail = z.object({ path: z.string(), message: z.string(), ...RefusalFields });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.enum(errorCodes),
  error: z.string(),
  message: z.string(),
  ...RefusalFields,
  details: z.array(ErrorDetail).optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  412: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  500: ErrorBody,
} as const;

/** A figure as people count it: a whole number, zero or more (half a leaflet is a typo). */
export const Count = z
  .number({ error: refusalText('figure.notNumber') })
  .int({ error: refusalText('figure.notWhole') })
  .nonnegative({ error: refusalText('figure.negative') });
