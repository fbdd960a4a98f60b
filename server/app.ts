// buildApp: the whole HTTP application as a Fastify instance that never listens.
// main.ts listens; tests call inject(). Every route is registered here, by name.
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client';
import { type Clock, systemClock } from './domain/time';
import auth from './plugins/auth';
import database from './plugins/database';
import errors, { parseJsonBody } from './plugins/errors';
import openapi from './plugins/openapi';
import securityHeaders from './plugins/security-headers';
import web, { defaultWebRoot } from './plugins/web';
import activitiesRoutes from './routes/activities';
import agenciesRoutes from './routes/agencies';
import attachmentsRoutes from './routes/attachments';
import auditRoutes from './routes/audit';
import authRoutes from './routes/auth';
import calendarFeedRoutes from './routes/calendar-feed';
import calendarMarksRoutes from './routes/calendar-marks';
import campaignsRoutes from './routes/campaigns';
import catalogRoutes from './routes/catalog';
import healthRoutes from './routes/health';
import importsRoutes from './routes/imports';
import kitsRoutes from './routes/kits';
import meRoutes from './routes/me';
import mediaOutputRoutes from './routes/media-output';
import periodLocksRoutes from './routes/period-locks';
import plansRoutes from './routes/plans';
import reportRecordsRoutes from './routes/report-records';
import reportsRoutes from './routes/reports';
import resultsRoutes from './routes/results';
import shareLinksRoutes from './routes/share-links';
import tasksRoutes from './routes/tasks';
import unitsRoutes from './routes/units';
import usersRoutes from './routes/users';

export type AppOptions = {
  db: Db;
  timeZone: string;
  /** Where "now" comes from; the real clock unless a test fixes it. */
  clock?: Clock;
  /** Close the database when the app closes (the server's own database, not a test's). */
  closeDatabase?: boolean;
  /** Folder of the built web app; `null` serves the API alone. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Day (MM-DD) the official reporting year starts (REPORT_YEAR_START); 12-15 by default. */
  reportYearStart?: string;
  /** Where photos and documents of results are stored: outside the web root. */
  uploadDir?: string;
  /** Believe X-Forwarded-* headers (behind a TLS-terminating proxy). */
  trustProxy?: boolean;
};

declare module 'fastify' {
  interface FastifyInstance {
    timeZone: string;
    clock: Clock;
  }
}

/** A request body over this is refused with 413 before it is parsed. */
export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions) {
  // Validation messages in Vietnamese, the interface's first language; each refusal also
  // carries a key and parameters, from which the web writes it in the reader's language.
  z.config(z.locales.vi());
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // `__proto__` and `constructor.prototype` keys are refused outright, never merged.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text or form body is refused with 415 instead of being guessed at.
  app.removeContentTypeParser(['text/plain']);
  // Our JSON parser names a refused `__proto__` key in `details`; Fastify's only says "invalid JSON".
  app.addContentTypeParser<string>('application/json', { parseAs: 'string' }, parseJsonBody);
  app.decorate('timeZone', options.timeZone);
  app.decorate('clock', options.clock ?? systemClock);

  await app.register(errors);
  await app.register(securityHeaders);
  await app.register(database, { db: options.db, closeWithApp: options.closeDatabase ?? false });
  await app.register(auth);
  await app.register(openapi);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(shareLinksRoutes);
  await app.register(catalogRoutes);
  await app.register(unitsRoutes);
  await app.register(agenciesRoutes);
  await app.register(plansRoutes);
  await app.register(tasksRoutes);
  await app.register(campaignsRoutes);
  await app.register(kitsRoutes);
  await app.register(activitiesRoutes);
  await app.register(resultsRoutes);
  await app.register(periodLocksRoutes);
  await app.register(calendarMarksRoutes);
  await app.register(mediaOutputRoutes);
  await app.register(reportsRoutes, { reportYearStart: options.reportYearStart ?? '12-15' });
  await app.register(reportRecordsRoutes, { reportYearStart: options.reportYearStart ?? '12-15' });
  await app.register(attachmentsRoutes, { uploadDir: options.uploadDir ?? './data/uploads' });
  await app.register(importsRoutes);
  await app.register(calendarFeedRoutes);

  await app.register(web, { root: options.webRoot === undefined ? defaultWebRoot : options.webRoot });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
