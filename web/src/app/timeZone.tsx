import { createContext, useContext, useEffect, useState } from 'react';
import { getHealth } from '../api/health';

/** The zone the server is deployed in by default (DESIGN §3), used if /api/health cannot say. */
const defaultTimeZone = 'Asia/Ho_Chi_Minh';

/**
 * The deployment's time zone, or null while asking. A failed health check falls back to
 * the default zone: each screen then shows its own error when it cannot load its data.
 */
export function useDeploymentTimeZone(): string | null {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getHealth(controller.signal).then(
      (health) => setTimeZone(health.timeZone),
      () => {
        if (!controller.signal.aborted) setTimeZone(defaultTimeZone);
      },
    );
    return () => controller.abort();
  }, []);
  return timeZone;
}

export const TimeZoneContext = createContext<string>(defaultTimeZone);

/** The deployment's zone, in which every date and time is shown. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
