// The only code in the web app that calls fetch. Every request is made from an endpoint
// declared in the contracts (server/contracts/<feature>.ts), whose path, query and body it
// fills, and every answer is checked against that endpoint's zod schema, so a drift between
// server and web shows up as a clear error here instead of as `undefined` in a screen.
import { z } from 'zod';
import { ErrorBody, type ErrorCode, type ErrorDetail } from '../../../server/contracts/common';
import type { Endpoint, Method, PathParamNames } from '../../../server/contracts/endpoints';

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

// ---------------------------------------------------------------- addresses

type QueryValue = string | number | boolean | undefined;
type Query = Record<string, QueryValue>;

/** Values for the `:name`s of an endpoint's path: ids and codes, each encoded into the path. */
type PathParams<E extends Endpoint> = { [Name in PathParamNames<E['path']>]: string | number };

/**
 * The query string: the names the endpoint's query schema reads, with values as they go
 * into an address. The server parses them (coercing ids and flags) as it would from a link.
 */
type QueryOf<E extends Endpoint> = E extends { readonly query: infer Q extends z.ZodType }
  ? { [Name in keyof z.input<Q>]?: QueryValue }
  : never;

/** `params` exactly when the path has parameters, `query` only when the endpoint reads one. */
type AddressOptions<E extends Endpoint> = ([PathParamNames<E['path']>] extends [never]
  ? { params?: never }
  : { params: PathParams<E> }) &
  (E extends { readonly query: z.ZodType } ? { query?: QueryOf<E> } : { query?: never });

/** The options argument may be left out when nothing in it is required. */
type OptionalWhenEmpty<Options> =
  Record<never, never> extends Options ? [options?: Options] : [options: Options];

/** `/api/activities/:id` with `{ id: 7 }` → `/api/activities/7`. */
function fillPath(path: string, params: Readonly<Record<string, string | number>> = {}): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_parameter, name: string) => {
    const value = params[name];
    // The types require every parameter; this guards a caller that went around them.
    if (value === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The address of an endpoint with its parameters and query filled in, for what the browser
 * fetches itself: a download link (`<a href>`) carries the session cookie without fetch.
 */
export function pathOf<E extends Endpoint>(
  endpoint: E,
  ...[options]: OptionalWhenEmpty<AddressOptions<E>>
): string {
  // The generic options type cannot be read field by field; its fields are these.
  const { params, query } = (options ?? {}) as { params?: Record<string, string | number>; query?: Query };
  return buildUrl(fillPath(endpoint.path, params), query);
}

// ---------------------------------------------------------------- requests

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
  query?: Query | undefined;
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
  unauthenticatedIsExpected?: boolean | undefined;
};

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

/** The schema of an empty (204) answer. */
const NoContent = z.undefined();

// ---------------------------------------------------------------- calling an endpoint

/** An endpoint that takes JSON (or nothing) and answers JSON (or nothing, with 204). */
type JsonEndpoint = Endpoint & {
  readonly response: z.ZodType;
  readonly consumes?: undefined;
  readonly produces?: undefined;
};

/** The body an endpoint takes, for a caller that must say it sends one of its own making. */
export type BodyOf<E extends Endpoint> = E extends { readonly body: infer B extends z.ZodType }
  ? z.input<B>
  : never;

/** `body` exactly when the endpoint takes one. */
type BodyOption<E extends Endpoint> = E extends { readonly body: z.ZodType }
  ? { body: BodyOf<E> }
  : { body?: never };

/** What a call sends beside its address: a body when the endpoint takes one, and the request's settings. */
type CallOptions<E extends JsonEndpoint> = AddressOptions<E> &
  BodyOption<E> &
  Pick<RequestOptions, 'ifMatch' | 'signal' | 'unauthenticatedIsExpected'>;

/** What a call resolves to: the answer parsed with the endpoint's schema, or undefined for a 204. */
type AnswerOf<E extends JsonEndpoint> = E['status'] extends 204 ? undefined : z.output<E['response']>;

/**
 * Calls an endpoint as its contract declares it: fills the path parameters, builds the query
 * string, sends the body as JSON, and parses the answer with the endpoint's response schema.
 * A refusal comes back as an ApiError (a 401 also tells the session it ended, unless expected).
 */
export function call<E extends JsonEndpoint>(
  endpoint: E,
  ...[options]: OptionalWhenEmpty<CallOptions<E>>
): Promise<AnswerOf<E>> {
  // The generic options type cannot be read field by field; its fields are these.
  const { params, ...rest } = (options ?? {}) as RequestOptions & {
    params?: Record<string, string | number>;
  };
  const schema = endpoint.status === 204 ? NoContent : endpoint.response;
  // The answer was parsed with `schema`, which is what AnswerOf<E> names; TypeScript cannot
  // follow the 204 test into the generic type.
  return request(endpoint.method, fillPath(endpoint.path, params), schema, rest) as Promise<AnswerOf<E>>;
}

/** An endpoint whose body is a file (multipart/form-data) and whose answer is JSON. */
type UploadEndpoint = Endpoint & { readonly response: z.ZodType; readonly consumes: readonly string[] };

/**
 * Sends one file as `multipart/form-data` (a part named `file`), with the same error handling
 * as the JSON requests: a refusal (413, 415, 400, 403, 409) comes back as an ApiError with the
 * server's message, a lost connection as NETWORK, and the answer is parsed with the endpoint's schema.
 */
export function apiUpload<E extends UploadEndpoint>(
  endpoint: E,
  params: PathParams<E>,
  file: Blob,
  fileName: string,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<z.output<E['response']>> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request<E['response']>(endpoint.method, fillPath(endpoint.path, params), endpoint.response, {
    form,
    signal: options.signal,
  });
}
