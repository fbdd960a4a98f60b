import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../contracts/common';
import { ApiTokenInput, ApiTokenList, NewApiToken } from '../contracts/users';
import { createToken, listTokens, revokeToken } from '../services/tokens';
import { contextOf } from './context';

const tags = ['me'];

/** The signed-in user's own id; the auth hook guarantees an actor on these routes. */
const selfId = (actor: { id: number } | null) => actor?.id ?? 0;

const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/tokens',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'My API and feed tokens (never their secrets)',
        response: { 200: ApiTokenList },
      },
    },
    async (request) => listTokens(contextOf(request), selfId(request.actor)),
  );

  app.post(
    '/api/me/tokens',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Create a token; its secret is shown in this answer only',
        body: ApiTokenInput,
        response: { 201: NewApiToken, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createToken(contextOf(request), selfId(request.actor), request.body);
    },
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags,
        summary: 'Revoke a token',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      revokeToken(contextOf(request), selfId(request.actor), request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default meRoutes;
