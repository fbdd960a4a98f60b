// Serves the built web app (web/dist) from the same origin as the API. Paths outside
// /api that are not files get index.html, so that deep links into the app work.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { refusal } from '../domain/refusals';
import { sendError } from './errors';

export const defaultWebRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** `root: null` serves the API alone; a root without a build is reported and served the same way. */
async function webPlugin(app: FastifyInstance, options: { root: string | null }) {
  const root = options.root !== null && existsSync(resolve(options.root, 'index.html')) ? options.root : null;
  if (options.root !== null && root === null)
    app.log.warn(`web app not built in ${options.root}: run "npm run build"`);
  if (root) await app.register(fastifyStatic, { root, wildcard: false });

  app.setNotFoundHandler((request, reply) => {
    const isPage = root !== null && request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage) return reply.sendFile('index.html');
    return sendError(
      reply,
      'NOT_FOUND',
      refusal('request.noRoute', { method: request.method, path: request.url.split('?')[0] ?? '' }),
    );
  });
}

export default fp(webPlugin, { name: 'web', dependencies: ['errors'] });
