// Every refusal leaves the server as the error body of DESIGN §4, whatever raised it:
// our services (AppError), the zod validator, Fastify's body parser or a bug.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, ErrorDetail } from '../contracts/common';
import { type Refusal, type RefusalKey, refusal } from '../domain/refusals';
import { AppError, fieldRefusal, invalidField, issueDetails, statusOf } from '../errors';
import { recordAudit } from '../services/audit';

const reasonPhrase: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Fastify's own error codes that are the client's fault, and what we call them. */
const fastifyCodes: Record<string, { code: ErrorCode; key: RefusalKey }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', key: 'request.bodyTooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', key: 'request.jsonOnly' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', key: 'request.contentLength' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', key: 'request.emptyJson' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', key: 'request.invalidJson' },
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  reason: Refusal,
  details?: ErrorDetail[],
  requestId?: string,
) {
  const statusCode = statusOf[code];
  const body: ErrorBody = { statusCode, code, error: reasonPhrase[statusCode] ?? 'Error', ...reason };
  if (details && details.length > 0) body.details = details;
  if (requestId) body.requestId = requestId;
  return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
}

/** A value met while walking parsed JSON, with the key that leads to it from its parent. */
type JsonNode = { value: unknown; key: string; parent: JsonNode | undefined };

function pathOf(node: JsonNode): string {
  const keys: string[] = [];
  for (let at: JsonNode | undefined = node; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Where a parsed JSON value carries a `__proto__` or `constructor.prototype` key, if anywhere. */
function poisonedPath(value: unknown): string | undefined {
  // Iterative and without copying paths, so that a deeply nested body costs linear time.
  const pending: JsonNode[] = [{ value, key: '', parent: undefined }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!isObject(node.value)) continue;
    for (const [key, child] of Object.entries(node.value)) {
      const childNode = { value: child, key, parent: node };
      if (key === '__proto__') return pathOf(childNode);
      const isPrototype = key === 'constructor' && isObject(child) && Object.hasOwn(child, 'prototype');
      if (isPrototype) return `${pathOf(childNode)}.prototype`;
      pending.push(childNode);
    }
  }
  return undefined;
}

/**
 * The JSON body parser. Fastify's own refuses a `__proto__` key as plain "invalid JSON";
 * this one names the key in `details`, as every other refused field is named.
 */
export async function parseJsonBody(_request: FastifyRequest, body: string): Promise<unknown> {
  if (body.length === 0) throw invalidField('body', 'request.emptyJson');
  let parsed: unknown;
  try {
    // A leading byte-order mark is allowed, as Fastify's own parser allows it.
    parsed = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
  } catch (error) {
    throw invalidField('body', 'request.invalidJsonAt', { reason: (error as Error).message });
  }
  const poisoned = poisonedPath(parsed);
  if (poisoned) throw invalidField(poisoned, 'request.forbiddenKey');
  return parsed;
}

/** Route segments → the entity types their audit rows use, so a record's refusals sit with its history. */
const entityTypes: Record<string, string> = {
  activities: 'activity',
  agencies: 'agency',
  campaigns: 'campaign',
  plans: 'plan',
  tasks: 'task',
  units: 'unit',
  'unit-successions': 'unit_succession',
  users: 'user',
  'share-links': 'share_link',
  'period-locks': 'period_lock',
  attachments: 'attachment',
  me: 'api_token',
};

function entityTypeOf(route: string): string {
  const [, , segment = 'api', kind] = route.split('/');
  // /api/plans/:id/tasks creates a task; /api/catalog/channels writes a channel.
  if (segment === 'plans' && route.endsWith('/tasks')) return 'task';
  if (segment === 'activities' && route.includes('/result')) return 'result';
  // Refused uploads are recorded against the activity (the id in the address is its id).
  if (segment === 'catalog') return `catalog.${kind ?? ''}`;
  return entityTypes[segment] ?? segment;
}

/**
 * A permission refusal is part of the audit trail: who tried what, on which record. It
 * gets its own transaction, since the refused change itself was rolled back, and it is an
 * event rather than a change to a record, so it does not go through `auditedWrite`.
 */
function recordRefusal(request: FastifyRequest, reason: string): void {
  if (!request.actor) return;
  const route = request.routeOptions.url ?? request.url;
  const id = Number((request.params as { id?: string } | undefined)?.id);
  const entityType = entityTypeOf(route);
  request.server.db.transaction((tx) =>
    recordAudit(
      tx,
      {
        db: request.server.db,
        timeZone: request.server.timeZone,
        now: request.server.clock,
        actor: request.actor,
        requestId: request.id,
      },
      {
        action: 'refused',
        entityType,
        entityId: Number.isInteger(id) ? id : null,
        before: null,
        after: { method: request.method, route, reason },
      },
    ),
  );
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.code === 'FORBIDDEN') recordRefusal(request, error.message);
    reply.headers(error.headers);
    return sendError(reply, error.code, error.refusal, error.details);
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const details = error.validation.flatMap((v) =>
      issueDetails({
        ...v.params,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? 'không hợp lệ',
        code: v.keyword,
        keys: (v.params as { keys?: string[] }).keys,
      }),
    );
    const prefix = part === 'body' ? '' : `${part}.`;
    // An issue about the whole body (or query) names the part itself.
    const named = details.map((d) => ({ ...d, path: `${prefix}${d.path}`.replace(/\.$/, '') || part }));
    return sendError(
      reply,
      'VALIDATION_FAILED',
      refusal('request.invalid', { paths: named.map((d) => d.path).join(', ') }),
      named,
    );
  }

  const known = error.code ? fastifyCodes[error.code] : undefined;
  if (known) return sendError(reply, known.code, refusal(known.key));

  // JSON syntax and prototype-poisoning errors from the body parser carry a 400.
  if (error.statusCode === 400 || error instanceof SyntaxError) {
    const path = /__proto__|constructor/.test(error.message) ? '__proto__' : 'body';
    return sendError(reply, 'VALIDATION_FAILED', refusal('request.invalidJson'), [
      fieldRefusal(path, 'request.invalidJsonAt', { reason: error.message }),
    ]);
  }
  if (error.statusCode === 404) return sendError(reply, 'NOT_FOUND', refusal('request.notFound'));
  if (error.statusCode === 415)
    return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', refusal('request.jsonOnly'));
  if (error.statusCode === 413) return sendError(reply, 'PAYLOAD_TOO_LARGE', refusal('request.tooLarge'));

  // Anything else is ours: log it whole, show the user only a request id to quote.
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL', refusal('request.internal'), undefined, request.id);
}

async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler(handleError);
}

export default fp(errorsPlugin, { name: 'errors' });
