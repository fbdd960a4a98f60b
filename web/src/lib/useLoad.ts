// Data a screen needs from the API, asked by key through the app's QueryClient: screens
// asking for the same key share one request and one cached answer, and an answer for an
// older key never overwrites a newer one (react-query aborts the request through `signal`).
import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';

export type Loaded<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Ask again, keeping what is shown until the new answer arrives. */
  reload: () => void;
};

/** `key` names the data and every parameter it depends on: `['plans', id]`. */
export function useLoad<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => load(signal),
    refetchOnMount: 'always',
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  // A screen opened again shows only what it asked now: a form must start from the latest
  // version, or its save would meet 412. Within one screen, a change of key keeps what is
  // shown until the new answer arrives.
  const current = query.isFetchedAfterMount || query.isPlaceholderData;
  return { data: current ? query.data : undefined, error: query.error, loading: query.isFetching, reload };
}
