// Building blocks of the HTTP contract. This folder is the only server code the web
// imports, so it depends on zod alone.
import { z } from 'zod';

/** Validation messages in Vietnamese, the interface's first language. */
z.config(z.locales.vi());

export const Id = z.number().int().positive();
/** An id in a path or query string, where everything arrives as text. */
export const IdParam = z.coerce.number().int().positive();
export const IdParams = z.strictObject({ id: IdParam });

/** Vietnamese text is stored and compared in NFC. */
export const Text = z.string().trim().normalize('NFC');
export const RequiredText = (max: number) => Text.min(1, 'Không được để trống').max(max);

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February). */
export const DateString = z.iso.date({
  message: 'Ngày không hợp lệ: cần dạng YYYY-MM-DD và là ngày có thật',
});
/** A date-time that carries its offset: a time without a zone means nothing to a province-wide calendar. */
export const OffsetDateTime = z.iso.datetime({
  offset: true,
  message: 'Ngày giờ không hợp lệ: cần ISO 8601 có múi giờ, ví dụ 2025-07-30T08:00:00+07:00',
});
/** Either of the two, as activity times and range bounds are written. */
export const DateOrDateTime = z.string().refine((value) => isDate(value) || isOffsetDateTime(value), {
  message: 'Cần ngày YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ (ví dụ 2025-07-30T08:00:00+07:00)',
});

export function isDate(value: string): boolean {
  return DateString.safeParse(value).success;
}

export function isOffsetDateTime(value: string): boolean {
  return OffsetDateTime.safeParse(value).success;
}

export const Code = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'Mã chỉ gồm chữ, số, dấu _ . -');

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

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.enum(errorCodes),
  error: z.string(),
  message: z.string(),
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
  .number({ error: 'Phải là một số' })
  .int({ error: 'Phải là số nguyên (không có phần lẻ)' })
  .nonnegative({ error: 'Không được là số âm' });
