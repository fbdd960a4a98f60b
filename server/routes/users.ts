import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import { User, UserInput, UserList, UserPatch, UserQuery } from '../contracts/users';
import { createUser, getUser, listUsers, updateUser } from '../services/users';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['users'];

const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { permission: 'users:read' },
      schema: { tags, querystring: UserQuery, response: { 200: UserList, ...errorResponses } },
    },
    async (request) => listUsers(contextOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users:write' },
      schema: { tags, body: UserInput, response: { 201: User, ...errorResponses } },
    },
    async (request, reply) => {
      const user = await createUser(contextOf(request), request.body);
      reply.code(201).header('location', `/api/users/${user.id}`);
      return withEtag(reply, user);
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'users:read' },
      schema: { tags, params: IdParams, response: { 200: User, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getUser(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users:write' },
      schema: { tags, params: IdParams, body: UserPatch, response: { 200: User, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, await updateUser(contextOf(request), request.params.id, request.body, expected));
    },
  );
};

export default usersRoutes;
