import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../contracts/common';
import { LoginInput, Me } from '../contracts/users';
import { clearSessionCookie, sessionSecretOf, setSessionCookie } from '../plugins/auth';
import { login, logout } from '../services/auth';
import { LoginThrottle } from '../services/login-throttle';
import { readUser } from '../services/users';
import { contextOf } from './context';

const tags = ['auth'];
const authErrors = { 400: ErrorBody, 401: ErrorBody, 429: ErrorBody };

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = new LoginThrottle();

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: LoginInput,
        response: { 200: Me, ...authErrors },
      },
    },
    async (request, reply) => {
      const { user, secret } = await login(contextOf(request), throttle, {
        ...request.body,
        address: request.ip,
        previousSession: sessionSecretOf(request),
      });
      setSessionCookie(request, reply, secret);
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'Sign out; ends the session', response: { 204: z.null(), ...authErrors } },
    },
    async (request, reply) => {
      logout(contextOf(request), sessionSecretOf(request));
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'signed-in' },
      schema: { tags, summary: 'The signed-in user', response: { 200: Me, ...authErrors } },
    },
    async (request) => {
      // The auth hook guarantees an actor on a signed-in route.
      const actorId = request.actor?.id ?? 0;
      return { user: readUser(request.server.db, actorId) };
    },
  );
};

export default authRoutes;
