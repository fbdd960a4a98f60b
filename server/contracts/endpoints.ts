// One declaration per HTTP endpoint: its method, path and schemas, written once beside the
// feature's contract. The server's routes and the web's client are both derived from it, so
// the two cannot disagree on a URL or on the shape of an answer.
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How this API says yes: 200 read or changed, 201 created, 204 done with nothing to answer. */
export type SuccessStatus = 200 | 201 | 204;

export type Endpoint = {
  readonly method: Method;
  /** In Fastify's form: `:name` marks a path parameter (`/api/activities/:id`). */
  readonly path: `/api/${string}`;
  /** The path parameters as they arrive: text, coerced by the schema. */
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** A JSON body; an upload's multipart body has none here, and says so in `consumes`. */
  readonly body?: z.ZodType;
  /** The success answer's JSON. Absent when the answer is a file to download, not JSON. */
  readonly response?: z.ZodType;
  readonly status: SuccessStatus;
  /** The operation's line in the API document. */
  readonly summary?: string;
  /** Where the API document files the operation. */
  readonly tags: readonly string[];
  /** Media types of a body that is not JSON (an upload). */
  readonly consumes?: readonly string[];
  /** Media types of an answer that is not JSON (a calendar feed). */
  readonly produces?: readonly string[];
};

/** The names of a path's parameters: `'/api/plans/:id/tasks'` → `'id'`. */
export type PathParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** A path with parameters needs a schema that reads each of them; a path without takes none. */
type ParamsOfPath<Path extends string> = [PathParamNames<Path>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: z.ZodType<Record<PathParamNames<Path>, unknown>> };

/**
 * Declares an endpoint. It returns its argument unchanged: the point is the type, kept
 * literal (`const`) so that the method, the path and each schema flow into the route's
 * handler and into the web's `call` with their own types.
 */
export function endpoint<const E extends Endpoint>(declaration: E & ParamsOfPath<E['path']>): E {
  return declaration;
}
