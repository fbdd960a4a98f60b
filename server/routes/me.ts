import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tokenEndpoints } from '../contracts/users';
import { createToken, listTokens, revokeToken } from '../services/tokens';
import { contextOf } from './context';
import { routeOf } from './route-of';

/** The signed-in user's own id; the auth hook guarantees an actor on these routes. */
const selfId = (actor: { id: number } | null) => actor?.id ?? 0;

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    // The API document lists this read's answer alone, without the usual refusals.
    ...routeOf(tokenEndpoints.list, {}),
    config: { permission: 'signed-in' },
    handler: async (request) => listTokens(contextOf(request), selfId(request.actor)),
  });

  app.route({
    ...routeOf(tokenEndpoints.create),
    config: { permission: 'signed-in' },
    handler: async (request, reply) => {
      reply.code(201);
      return createToken(contextOf(request), selfId(request.actor), request.body);
    },
  });

  app.route({
    ...routeOf(tokenEndpoints.revoke),
    config: { permission: 'signed-in' },
    handler: async (request, reply) => {
      revokeToken(contextOf(request), selfId(request.actor), request.params.id);
      return reply.code(204).send(null);
    },
  });
};

export default meRoutes;
