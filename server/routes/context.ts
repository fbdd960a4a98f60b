// The service context of one request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context';
import { etagOf } from './versions';

export function contextOf(request: FastifyRequest): ServiceContext {
  return {
    db: request.server.db,
    timeZone: request.server.timeZone,
    now: request.server.clock,
    actor: request.actor,
    requestId: request.id,
  };
}

/** A single resource is answered with its version as ETag, for the next If-Match. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  reply.header('etag', etagOf(resource.version));
  return resource;
}
