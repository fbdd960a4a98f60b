import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../contracts/common';
import { authEndpoints } from '../contracts/users';
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from '../plugins/auth';
import { login, logout } from '../services/auth';
import { LoginThrottle } from '../services/login-throttle';
import { readUser } from '../services/users';
import { contextOf } from './context';
import { routeOf } from './route-of';

/** What signing in and out may refuse: bad input, wrong credentials, too many tries. */
const authErrors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = new LoginThrottle();

  app.route({
    ...routeOf(authEndpoints.login, authErrors),
    config: { permission: 'public' },
    handler: async (request, reply) => {
      const { user, secret } = await login(contextOf(request), throttle, {
        ...request.body,
        address: request.ip,
        previousSession: sessionSecretOf(request),
      });
      setSessionCookie(request, reply, secret);
      return { user };
    },
  });

  app.route({
    ...routeOf(authEndpoints.logout, authErrors),
    config: { permission: 'signed-in' },
    handler: async (request, reply) => {
      logout(contextOf(request), sessionSecretOf(request));
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...routeOf(authEndpoints.me, authErrors),
    config: { permission: 'signed-in' },
    handler: async (request) => {
      // The auth hook guarantees an actor on a signed-in route.
      const actorId = request.actor?.id ?? 0;
      return { user: readUser(request.server.db, actorId) };
    },
  });
};

export default authRoutes;
