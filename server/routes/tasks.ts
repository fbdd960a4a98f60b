import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { taskEndpoints } from '../contracts/tasks';
import { createTask, getTask, listTasks, updateTask } from '../services/tasks';
import { contextOf, withEtag } from './context';
import { routeOf } from './route-of';
import { expectedVersion } from './versions';

const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(taskEndpoints.list),
    config: { permission: 'plans:read' },
    handler: async (request) => listTasks(contextOf(request), request.params.id, request.query),
  });

  app.route({
    ...routeOf(taskEndpoints.create),
    config: { permission: 'plans:write' },
    handler: async (request, reply) => {
      const task = createTask(contextOf(request), request.params.id, request.body);
      reply.code(201).header('location', `/api/tasks/${task.id}`);
      return withEtag(reply, task);
    },
  });

  app.route({
    ...routeOf(taskEndpoints.get),
    config: { permission: 'plans:read' },
    handler: async (request, reply) => withEtag(reply, getTask(contextOf(request), request.params.id)),
  });

  app.route({
    ...routeOf(taskEndpoints.update),
    config: { permission: 'plans:write' },
    handler: async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateTask(contextOf(request), request.params.id, request.body, expected));
    },
  });
};

export default tasksRoutes;
