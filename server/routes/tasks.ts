import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import { Task, TaskInput, TaskList, TaskPatch, TaskQuery } from '../contracts/tasks';
import { createTask, getTask, listTasks, updateTask } from '../services/tasks';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['tasks'];

const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans/:id/tasks',
    {
      config: { permission: 'plans:read' },
      schema: {
        tags,
        params: IdParams,
        querystring: TaskQuery,
        response: { 200: TaskList, ...errorResponses },
      },
    },
    async (request) => listTasks(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/plans/:id/tasks',
    {
      config: { permission: 'plans:write' },
      schema: { tags, params: IdParams, body: TaskInput, response: { 201: Task, ...errorResponses } },
    },
    async (request, reply) => {
      const task = createTask(contextOf(request), request.params.id, request.body);
      reply.code(201).header('location', `/api/tasks/${task.id}`);
      return withEtag(reply, task);
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: 'plans:read' },
      schema: { tags, params: IdParams, response: { 200: Task, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getTask(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'plans:write' },
      schema: { tags, params: IdParams, body: TaskPatch, response: { 200: Task, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateTask(contextOf(request), request.params.id, request.body, expected));
    },
  );
};

export default tasksRoutes;
