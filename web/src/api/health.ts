import { type Health, healthEndpoints } from '../../../server/contracts/health';
import { call } from './client';

export type { Health };

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return call(healthEndpoints.get, { signal });
}
