import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Catalog } from '../contracts/catalog';
import { getCatalog } from '../services/catalog';
import { contextOf } from './context';

const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/catalog',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Activity types, channels, target groups, indicators, observances',
        response: { 200: Catalog },
      },
    },
    async (request) => getCatalog(contextOf(request)),
  );
};

export default catalogRoutes;
