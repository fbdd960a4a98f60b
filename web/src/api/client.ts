// The only code in the web app that calls fetch. Every answer is checked against the
// server's zod contract, so a drift between server and web shows up as a clear error
// here instead of as `undefined` somewhere in a screen.
import { z } from 'zod';
import { ErrorBody, type ErrorCode, type ErrorDetail } from '../../../server/contracts/common';

/** The server's error codes, plus the two failures that never reach or never come back from it. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'INVALID_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: ApiErrorCode;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(options: {
    statusCode: number;
    code: ApiErrorCode;
    message: string;
    details?: ErrorDetail[] | undefined;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.statusCode = options.statusCode;
    this.code = options.code;
    this.details = options.details ?? [];
    this.requestId = options.requestId;
  }
}

type Query = Record<string, string | number | boolean | undefined>;

export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A non-2xx answer as an ApiError, keeping the server's code and message when it sent the usual body. */
function toApiError(response: Response, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    return new ApiError({
      statusCode: parsed.data.statusCode,
      code: parsed.data.code,
      message: parsed.data.message,
      details: parsed.data.details,
      requestId: parsed.data.requestId,
    });
  }
  // A proxy or a crashed server answers with something else: keep the status at least.
  return new ApiError({
    statusCode: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'INVALID_RESPONSE',
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
  });
}

export async function apiGet<T extends z.ZodType>(
  path: string,
  schema: T,
  options: { query?: Query; signal?: AbortSignal | undefined } = {},
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    // An abort is the caller's own decision, not a failure to report.
    if (options.signal?.aborted) throw cause;
    throw new ApiError({
      statusCode: 0,
      code: 'NETWORK',
      message: `Không kết nối được máy chủ (${path})`,
      cause,
    });
  }

  const body = await readJson(response);
  if (!response.ok) throw toApiError(response, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      statusCode: response.status,
      code: 'INVALID_RESPONSE',
      message: `Dữ liệu trả về từ ${path} không đúng định dạng: ${z.prettifyError(parsed.error)}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
