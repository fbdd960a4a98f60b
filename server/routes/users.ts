import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userEndpoints } from '../contracts/users';
import { createUser, getUser, listUsers, updateUser } from '../services/users';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(userEndpoints.list),
    config: { permission: 'users:read' },
    handler: async (request) => listUsers(contextOf(request), request.query),
  });

  app.route({
    ...routeOf(userEndpoints.create),
    config: { permission: 'users:write' },
    handler: async (request, reply) => {
      const user = await createUser(contextOf(request), request.body);
      reply.code(201).header('location', `/api/users/${user.id}`);
      return withEtag(reply, user);
    },
  });

  app.route({
    ...routeOf(userEndpoints.get),
    config: { permission: 'users:read' },
    handler: async (request, reply) => withEtag(reply, getUser(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(userEndpoints.update),
    config: { permission: 'users:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, await updateUser(contextOf(request), request.params.id, request.body, expected));
    },
  });
};

export default usersRoutes;
