// Configuration from the environment, parsed by one schema. A bad value stops the start
// with a message that names the variable.
import { z } from 'zod';
import { Password } from './contracts/users';
import { isValidTimeZone } from './domain/time';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((value) => value === '1' || value === 'true');

export const ConfigSchema = z.object({
  /** Port of the single server that answers the API and the web app. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 in a container, localhost on a laptop. */
  HOST: z.string().min(1).default('localhost'),
  /** The embedded SQLite file; its folder is created if missing. */
  DATABASE_FILE: z.string().min(1).default('./data/calendar.db'),
  /** Where photos and documents of results are kept: outside the web root, never served as pages. */
  UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
  /** The one zone in which every date, period and report is read, whatever the server's TZ. */
  APP_TIMEZONE: z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine(isValidTimeZone, { message: 'is not an IANA time zone such as Asia/Ho_Chi_Minh' }),
  /**
   * Day (MM-DD) on which the official reporting year starts: 12-15 makes the year 15/12–14/12
   * and the half-year 15/12–14/6, as provinces apply NĐ 09/2019/NĐ-CP; a start after June
   * falls in the year before the one it reports on.
   */
  REPORT_YEAR_START: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/, {
      message: 'is not a day MM-DD between 01 and 28, such as 12-15',
    })
    .default('12-15'),
  /** Name of the first administrator, created on an empty database. */
  ADMIN_USERNAME: z.string().min(1).default('admin'),
  /** Password of the first administrator; when absent a strong one is generated and printed once. */
  ADMIN_PASSWORD: Password.optional(),
  /** 1 adds eighteen months of demo activities on the first start, so a newcomer's calendar is not empty. */
  DEMO_DATA: flag,
  /**
   * 1 behind a reverse proxy that terminates HTTPS: then X-Forwarded-Proto/For are believed,
   * so the session cookie is marked Secure and login throttling sees the real address.
   */
  TRUST_PROXY: flag,
  /** Log level of the server (pino). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}
