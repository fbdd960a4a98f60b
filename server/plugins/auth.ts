// Authentication, authorisation and cross-site protection for every route.
//
// - Every /api route must declare a permission (route config), or it refuses to register.
// - onRequest: a mutating request from another origin is refused (403) whatever cookie it
//   carries; the caller is resolved from the session cookie or a Bearer token; a route
//   that is not public answers 401 before any validation when nobody is signed in.
// - preHandler: the role must hold the route's permission (403 otherwise).
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { refuse } from '../errors';
import { type Actor, isAllowed, type Permission } from '../services/permissions';
import { actorFromSession, actorFromToken, SESSION_MAX_HOURS } from '../services/sessions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller must be allowed to do; `public` for sign-in, health and the API document. */
    permission?: Permission | 'public';
    /** The route also accepts a calendar feed token as `?token=` (calendar apps send no headers). */
    feedToken?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'cc_session';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionSecretOf(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_MAX_HOURS * 60 * 60,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/**
 * Browsers send Origin on every cross-origin POST/PATCH/DELETE (and Sec-Fetch-Site where
 * they support it). A script with a Bearer token sends neither, and carries no cookie to abuse.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    try {
      return new URL(origin).host !== request.host;
    } catch {
      return true;
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

function resolveActor(request: FastifyRequest): Actor | null {
  const { db, clock } = request.server;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer '))
    return actorFromToken(db, clock, authorization.slice(7).trim(), 'api');
  const secret = sessionSecretOf(request);
  const fromSession = secret ? (actorFromSession(db, clock, secret)?.actor ?? null) : null;
  const feedToken = (request.query as { token?: unknown }).token;
  if (!fromSession && request.routeOptions.config.feedToken && typeof feedToken === 'string') {
    return actorFromToken(db, clock, feedToken, 'feed');
  }
  return fromSession;
}

async function authPlugin(app: FastifyInstance) {
  await app.register(cookie);
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (isApi && !route.config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request) => {
    if (MUTATING.has(request.method) && isCrossSite(request)) {
      throw refuse('FORBIDDEN', 'request.crossSite');
    }
    const permission = request.routeOptions.config.permission;
    // Public routes (health, sign-in, the API document, the web app's files) need nobody.
    if (!permission || permission === 'public') return;
    request.actor = resolveActor(request);
    if (!request.actor) {
      throw refuse('UNAUTHENTICATED', 'request.unauthenticated');
    }
  });

  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || permission === 'public' || !request.actor) return;
    if (!isAllowed(request.actor.role, permission)) {
      throw refuse('FORBIDDEN', 'request.forbidden');
    }
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['database'] });
