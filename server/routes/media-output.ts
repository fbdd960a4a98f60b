import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../contracts/common';
import { MediaOutput, MediaOutputQuery } from '../contracts/media-output';
import { getMediaOutput } from '../services/media-output';
import { contextOf } from './context';

const mediaOutputRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/media-output',
    {
      config: { permission: 'activities:read' },
      schema: {
        tags: ['reports'],
        summary: 'Media items and their reach by channel and month, each indicator in its own unit',
        querystring: MediaOutputQuery,
        response: { 200: MediaOutput, ...errorResponses },
      },
    },
    async (request) => getMediaOutput(contextOf(request), request.query),
  );
};

export default mediaOutputRoutes;
