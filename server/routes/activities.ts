import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Activity, ActivityInput, ActivityList, ActivityPatch, ActivityQuery } from '../contracts/activities';
import { errorResponses, IdParams } from '../contracts/common';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from '../services/activities';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['activities'];

const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/activities',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags,
        summary: 'Activities overlapping [start, end), with filters',
        querystring: ActivityQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (request) => listActivities(contextOf(request), request.query),
  );

  app.post(
    '/api/activities',
    {
      config: { permission: 'activities:write' },
      schema: { tags, body: ActivityInput, response: { 201: Activity, ...errorResponses } },
    },
    async (request, reply) => {
      const activity = createActivity(contextOf(request), request.body);
      reply.code(201).header('location', `/api/activities/${activity.id}`);
      return withEtag(reply, activity);
    },
  );

  app.get(
    '/api/activities/:id',
    {
      config: { permission: 'activities:read' },
      schema: { tags, params: IdParams, response: { 200: Activity, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getActivity(contextOf(request), request.params.id)),
  );

  app.patch(
    '/api/activities/:id',
    {
      config: { permission: 'activities:write' },
      schema: { tags, params: IdParams, body: ActivityPatch, response: { 200: Activity, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, updateActivity(contextOf(request), request.params.id, request.body, expected));
    },
  );

  app.delete(
    '/api/activities/:id',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Soft delete',
        params: IdParams,
        response: { 200: Activity, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(reply, deleteActivity(contextOf(request), request.params.id, expected));
    },
  );

  app.post(
    '/api/activities/:id/restore',
    {
      config: { permission: 'activities:restore' },
      schema: { tags, params: IdParams, response: { 200: Activity, ...errorResponses } },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], undefined);
      return withEtag(reply, restoreActivity(contextOf(request), request.params.id, expected));
    },
  );
};

export default activitiesRoutes;
