import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../contracts/health';

const version = process.env.npm_package_version ?? '0.1.0';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      let database: 'ok' | 'unavailable' = 'ok';
      try {
        app.db.$client.prepare('select 1').get();
      } catch {
        database = 'unavailable';
      }
      const status = database === 'ok' ? 'ok' : 'degraded';
      reply.code(status === 'ok' ? 200 : 503);
      return { status, database, timeZone: app.timeZone, version } as const;
    },
  );
};

export default healthRoutes;
