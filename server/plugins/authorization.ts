// Applies services/permissions to every route: a route without a declared permission is
// a programming error and refuses to register, so nothing is open by oversight.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import { type Actor, isAllowed, type Permission } from '../services/permissions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must be allowed to do; `public` for health and the API document. */
    permission?: Permission | 'public';
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

async function authorizationPlugin(app: FastifyInstance) {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (isApi && !route.config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || permission === 'public') return;
    if (!isAllowed(request.actor, permission)) {
      throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này');
    }
  });
}

export default fp(authorizationPlugin, { name: 'authorization' });
