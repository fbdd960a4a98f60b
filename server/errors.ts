// The product's error vocabulary: one code per kind of refusal, one status per code.
import type { ErrorCode, ErrorDetail } from './contracts/common';

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
  readonly details: ErrorDetail[] | undefined;
  /** Extra response headers, such as Retry-After on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    details?: ErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get statusCode(): number {
    return statusOf[this.code];
  }
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', `Không tìm thấy ${what} ${id}`);
}

/** One invalid field, as the 400 body names it. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${path}`, [{ path, message }]);
}

export function invalidFields(details: ErrorDetail[]): AppError {
  const paths = details.map((detail) => detail.path).join(', ');
  return new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${paths}`, details);
}
