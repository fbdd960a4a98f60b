import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unavailable']),
  /** The deployment's zone: the web shows every date in it, whatever the browser's own. */
  timeZone: z.string(),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
