import { z } from 'zod';
import { endpoint } from './endpoints';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unavailable']),
  /** The deployment's zone: the web shows every date in it, whatever the browser's own. */
  timeZone: z.string(),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export const healthEndpoints = {
  /** 200 when the database answers; the route also answers 503, with the same body, when it does not. */
  get: endpoint({
    method: 'GET',
    path: '/api/health',
    response: Health,
    status: 200,
    summary: 'Liveness and database check',
    tags: ['health'],
  }),
};
