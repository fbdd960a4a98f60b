// The product's error vocabulary: one code per kind of refusal, one status per code.
import type { ErrorCode, ErrorDetail } from './contracts/common';
import { issueRefusals, type Refusal, type RefusalKey, type RefusalParams, refusal } from './domain/refusals';

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PERIOD_LOCKED: 409,
  VERSION_CONFLICT: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NEEDS_CONFIRMATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The refusal's key, parameters and Vietnamese words; the web words it in the reader's language. */
  readonly refusal: Refusal;
  readonly details: ErrorDetail[] | undefined;
  /** Extra response headers, such as Retry-After on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    reason: Refusal,
    details?: ErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super(reason.message);
    this.name = 'AppError';
    this.code = code;
    this.refusal = reason;
    this.details = details;
    this.headers = headers;
  }

  get statusCode(): number {
    return statusOf[this.code];
  }
}

/** A refusal of the catalogue (server/domain/refusals.ts), with the status of its code. */
export function refuse(
  code: ErrorCode,
  key: RefusalKey,
  params: RefusalParams = {},
  details?: ErrorDetail[],
): AppError {
  return new AppError(code, refusal(key, params), details);
}

/** One field's refusal, as `details` lists it. */
export function fieldRefusal(path: string, key: RefusalKey, params: RefusalParams = {}): ErrorDetail {
  return { path, ...refusal(key, params) };
}

export function notFound(what: string, id: number | string): AppError {
  return refuse('NOT_FOUND', 'record.notFound', { what, id });
}

/** One invalid field, as the 400 body names it. */
export function invalidField(path: string, key: RefusalKey, params: RefusalParams = {}): AppError {
  return invalidFields([fieldRefusal(path, key, params)]);
}

export function invalidFields(details: ErrorDetail[]): AppError {
  const paths = details.map((detail) => detail.path).join(', ');
  return refuse('VALIDATION_FAILED', 'request.invalid', { paths }, details);
}

/** A zod issue as the fields it names, each with its refusal: the rule lives in the domain, beside the catalogue. */
export function issueDetails(issue: Parameters<typeof issueRefusals>[0]): ErrorDetail[] {
  return issueRefusals(issue);
}
