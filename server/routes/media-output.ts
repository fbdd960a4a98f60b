import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mediaOutputEndpoints } from '../contracts/media-output';
import { getMediaOutput } from '../services/media-output';
import { contextOf } from './context';
import { routeOf } from './route-of';

const mediaOutputRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    ...routeOf(mediaOutputEndpoints.get),
    config: { permission: 'activities:read' },
    handler: async (request) => getMediaOutput(contextOf(request), request.query),
  });
};

export default mediaOutputRoutes;
