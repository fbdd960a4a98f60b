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
  /** The refusal's key and parameters, from which the screens word it in the reader's language. */
  readonly key: string | undefined;
  readonly params: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;
  /** From `Retry-After` on a 429: how long the server asks us to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    statusCode: number;
    code: ApiErrorCode;
    message: string;
    details?: ErrorDetail[] | undefined;
    key?: string | undefined;
    params?: Record<string, unknown> | undefined;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.statusCode = options.statusCode;
    this.code = options.code;
    this.details = options.details ?? [];
    this.key = options.key;
    this.params = options.params;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

// ---------------------------------------------------------------- signed out

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called whenever the server answers 401 to a request made on behalf of a signed-in user:
 * the session expired, was ended elsewhere, or the account was disabled. The session
 * provider listens and shows the sign-in page. Returns the unsubscribe function.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

// ---------------------------------------------------------------- requests

type Query = Record<string, string | number | boolean | undefined>;

export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
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

/**
 * `Retry-After` as seconds; the HTTP-date form is allowed by the standard, so read it too
 * (the protocol's own format, read by Date, not a date anyone reads: not the domain's).
 */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A non-2xx answer as an ApiError, keeping the server's code and message when it sent the usual body. */
function toApiError(response: Response, body: unknown): ApiError {
  const retryAfterSeconds = retryAfterOf(response);
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    return new ApiError({
      statusCode: parsed.data.statusCode,
      code: parsed.data.code,
      message: parsed.data.message,
      details: parsed.data.details,
      key: parsed.data.key,
      params: parsed.data.params,
      requestId: parsed.data.requestId,
      retryAfterSeconds,
    });
  }
  // A proxy or a crashed server answers with something else: keep the status at least.
  return new ApiError({
    statusCode: response.status,
    code: response.status >= 500 ? 'INTERNAL' : 'INVALID_RESPONSE',
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    retryAfterSeconds,
  });
}

type RequestOptions = {
  query?: Query;
  signal?: AbortSignal | undefined;
  /** A JSON body (POST, PATCH, PUT). */
  body?: unknown;
  /** A file upload instead: the browser writes the multipart content type and its boundary. */
  form?: FormData;
  /** The version the caller read, sent as `If-Match` so that a stale write gets 412. */
  ifMatch?: number | undefined;
  /**
   * Sign-in and the first "who am I" expect a 401 as an ordinary answer: it must not be
   * taken for an expired session.
   */
  unauthenticatedIsExpected?: boolean;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T extends z.ZodType>(
  method: Method,
  path: string,
  schema: T,
  options: RequestOptions,
): Promise<z.infer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | null = options.form ?? null;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      // The session cookie is HttpOnly and same-origin: the browser sends it, the code never sees it.
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

  const answer = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response, answer);
    if (error.statusCode === 401 && !options.unauthenticatedIsExpected) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }

  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    throw new ApiError({
      statusCode: response.status,
      code: 'INVALID_RESPONSE',
      message: `Dữ liệu trả về từ ${method} ${path} không đúng định dạng: ${z.prettifyError(parsed.error)}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export function apiGet<T extends z.ZodType>(
  path: string,
  schema: T,
  options: Omit<RequestOptions, 'body' | 'ifMatch'> = {},
): Promise<z.infer<T>> {
  return request('GET', path, schema, options);
}

/** A write. A 204 answer has no body: pass `NoContent` as its schema. */
export function apiSend<T extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  path: string,
  schema: T,
  options: Omit<RequestOptions, 'query'> = {},
): Promise<z.infer<T>> {
  return request(method, path, schema, options);
}

/**
 * Sends one file as `multipart/form-data` (a part named `file`), with the same error handling
 * as the JSON requests: a refusal (413, 415, 400, 403, 409) comes back as an ApiError with the
 * server's message, a lost connection as NETWORK, and the answer is parsed with `schema`.
 */
export function apiUpload<T extends z.ZodType>(
  path: string,
  file: Blob,
  fileName: string,
  schema: T,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<z.infer<T>> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request('POST', path, schema, { form, signal: options.signal });
}

/** The schema of an empty (204) answer. */
export const NoContent = z.undefined();
