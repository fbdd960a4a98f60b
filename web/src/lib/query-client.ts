// The one QueryClient of the web app, with deliberate defaults: screens open at once share
// one request per key, a window regaining the focus does not set off a storm of requests,
// and only a lost connection is tried again — a refusal (4xx) will not change by asking
// twice. A screen opened again asks the server again and shows only its answer (useLoad);
// reference data is kept and shared (see `cachedReference`).
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (failures, error) => failures < 1 && error instanceof ApiError && error.code === 'NETWORK',
    },
    // A write is sent when asked, connection or not: offline, react-query would hold it back
    // without a word, where the forms must say at once that nothing was sent (and keep it).
    mutations: { networkMode: 'always' },
  },
});

/**
 * Reference data every screen needs (the catalogue, the units, the agencies): one cached
 * copy, fetched once and shared; the screens that change it invalidate it.
 */
export const referenceKeys = {
  catalog: ['reference', 'catalog'],
  units: ['reference', 'units'],
  agencies: ['reference', 'agencies'],
} as const;

/** How long reference data stays fresh: it changes a few times a year, by an administrator. */
const referenceStaleMs = 5 * 60_000;
/** And how long it is kept once no screen shows it. */
const referenceKeptMs = 30 * 60_000;

/** A reference list through the shared cache: at most one request for every screen asking. */
export function cachedReference<T>(key: readonly string[], fetch: () => Promise<T>): Promise<T> {
  return queryClient.fetchQuery({
    queryKey: key,
    queryFn: fetch,
    staleTime: referenceStaleMs,
    gcTime: referenceKeptMs,
  });
}

/** After a write to reference data: every screen reads it again. */
export function referenceChanged(kind: keyof typeof referenceKeys): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: referenceKeys[kind] });
}
