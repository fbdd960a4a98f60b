import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../contracts/common';
import { HeldActivity, HeldActivityInput } from '../contracts/held-activities';
import { Result, ResultInput, ReviewInput } from '../contracts/results';
import { getResult, logHeldActivity, reviewResult, saveResult } from '../services/results';
import { contextOf, withEtag } from './context';
import { expectedVersion } from './versions';

const tags = ['results'];

const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/activities/:id/result',
    {
      config: { permission: 'activities:read' },
      schema: { tags, params: IdParams, response: { 200: Result, ...errorResponses } },
    },
    async (request, reply) => withEtag(reply, getResult(contextOf(request), request.params.id)),
  );

  app.put(
    '/api/activities/:id/result',
    {
      config: { permission: 'results:write' },
      schema: {
        tags,
        summary: 'Log (or correct) what a held activity achieved; marks it done and sends it for review',
        params: IdParams,
        body: ResultInput,
        response: { 200: Result, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, saveResult(contextOf(request), request.params.id, request.body, expected));
    },
  );

  app.post(
    '/api/activities/:id/result/review',
    {
      config: { permission: 'results:review' },
      schema: {
        tags,
        summary: 'Accept a result, or return it to its author with a note',
        params: IdParams,
        body: ReviewInput,
        response: { 200: Result, ...errorResponses },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], request.body.version);
      return withEtag(reply, reviewResult(contextOf(request), request.params.id, request.body, expected));
    },
  );

  app.post(
    '/api/activities/held',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary:
          'Log an event held without a plan (or a published media item): activity and result in one step',
        body: HeldActivityInput,
        response: { 201: HeldActivity, ...errorResponses },
      },
    },
    async (request, reply) => {
      const held = logHeldActivity(contextOf(request), request.body);
      reply.code(201).header('location', `/api/activities/${held.activity.id}`);
      return held;
    },
  );
};

export default resultsRoutes;
