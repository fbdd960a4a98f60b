// Serves the built web app (web/dist) from the same origin as the API. Paths outside
// /api that are not files get index.html, so that deep links into the app work.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from './errors';

export const defaultWebRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

async function webPlugin(app: FastifyInstance, options: { root: string }) {
  if (!existsSync(resolve(options.root, 'index.html'))) {
    app.log.warn(`web app not built in ${options.root}: run "npm run build"`);
    return;
  }
  await app.register(fastifyStatic, { root: options.root, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return sendError(
        reply,
        'NOT_FOUND',
        `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}`,
      );
    }
    return reply.sendFile('index.html');
  });
}

export default fp(webPlugin, { name: 'web', dependencies: ['errors'] });
