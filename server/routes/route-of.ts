// The part of a Fastify route that an endpoint declaration already says: method, URL and
// schema (validation, serialisation and the API document). A route adds its permission and
// its handler: `app.route({ ...routeOf(activityEndpoints.get), config, handler })`.
import type { z } from 'zod';
import { errorResponses } from '../contracts/common';
import type { Endpoint } from '../contracts/endpoints';

/** Answers by status code, as Fastify's `schema.response` takes them. */
type Answers = Readonly<Record<number, z.ZodType>>;

/** The endpoint's success answer under its status code; nothing for a download, which is no JSON. */
type SuccessAnswer<E extends Endpoint> = E extends { response: infer R extends z.ZodType }
  ? { [S in E['status']]: R }
  : Record<never, never>;

/** What the endpoint declares under `key`, or `undefined` when it leaves it out. */
type Declared<E, Key extends keyof Endpoint> = E extends { readonly [K in Key]: infer Value }
  ? Value
  : undefined;

// Each key keeps the endpoint's own type, so that the zod type provider types the handler's
// request (params, query, body) and its answer from them. The keys are not optional: the
// type provider would then read each as "schema or undefined" and type nothing. (At run
// time an undeclared key is left out, which reads the same: undefined.)
type RouteSchema<E extends Endpoint, Others extends Answers> = {
  tags: E['tags'];
  summary: Declared<E, 'summary'>;
  consumes: Declared<E, 'consumes'>;
  produces: Declared<E, 'produces'>;
  params: Declared<E, 'params'>;
  querystring: Declared<E, 'query'>;
  body: Declared<E, 'body'>;
  response: SuccessAnswer<E> & Others;
};

/**
 * `others` are the refusals the route may answer, for the API document: the usual set
 * unless the route says otherwise (sign-in has its own; a download documents none).
 */
export function routeOf<const E extends Endpoint, const Others extends Answers = typeof errorResponses>(
  endpoint: E,
  others?: Others,
): { method: E['method']; url: E['path']; schema: RouteSchema<E, Others> } {
  const response: Record<number, z.ZodType> = { ...(others ?? errorResponses) };
  if (endpoint.response) response[endpoint.status] = endpoint.response;
  const schema = withoutUndefined({
    tags: endpoint.tags,
    summary: endpoint.summary,
    consumes: endpoint.consumes,
    produces: endpoint.produces,
    params: endpoint.params,
    querystring: endpoint.query,
    body: endpoint.body,
    // An empty `response` would document no answer at all, where none documents the default one.
    response: Object.keys(response).length > 0 ? response : undefined,
  });
  // The object is built key by key, so TypeScript only knows it as a record; RouteSchema
  // states what each key holds, which the lines above ensure.
  return { method: endpoint.method, url: endpoint.path, schema: schema as RouteSchema<E, Others> };
}

/** Leaves out what the endpoint does not declare, as a hand-written route schema would. */
function withoutUndefined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
