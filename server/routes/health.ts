import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health, healthEndpoints } from '../contracts/health';
import { routeOf } from './route-of';

const version = process.env.npm_package_version ?? '0.1.0';

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.route({
    // A database that does not answer is a 503 with the same body, for the monitoring to read.
    ...routeOf(healthEndpoints.get, { 503: Health }),
    config: { permission: 'public' },
    handler: async (_request, reply) => {
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
  });
};

export default healthRoutes;
