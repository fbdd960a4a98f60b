import { Health } from '../../../server/contracts/health';
import { apiGet } from './client';

export type { Health };

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiGet('/api/health', Health, { signal });
}
