// Puts the opened database on the app, and closes it with the app when the app owns it.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { closeDatabase, type Db } from '../../db/client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

type DatabaseOptions = { db: Db; closeWithApp: boolean };

async function databasePlugin(app: FastifyInstance, options: DatabaseOptions) {
  app.decorate('db', options.db);
  if (options.closeWithApp) app.addHook('onClose', async () => closeDatabase(options.db));
}

export default fp(databasePlugin, { name: 'database' });
