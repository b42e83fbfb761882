import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import i18next from 'i18next';
import { ApiError, createApi } from '../shared/api-client.js';
import type { Contract, InputOf, OutputOf } from '../shared/contract.js';

/**
 * The typed client every page uses. Same-origin fetch with the session cookie; the server
 * localizes error messages from Accept-Language (or the signed-in member's own language),
 * so we always send the language the UI currently shows.
 */
export const api = createApi({
  headers: () => ({ 'accept-language': i18next.language || 'en-US' }),
});

/** Cache key of a contract call: `[method, path, input]`, so `[method, path]` invalidates every variant. */
export function queryKeyOf<C extends Contract>(c: C, input?: InputOf<C>): unknown[] {
  return input === undefined ? [c.method, c.path] : [c.method, c.path, input];
}

type QueryOptions<C extends Contract> = Omit<UseQueryOptions<OutputOf<C>, Error>, 'queryKey' | 'queryFn'>;

/** `useQuery` over one contract: typed input, typed data. */
export function useApiQuery<C extends Contract>(c: C, input?: InputOf<C>, options?: QueryOptions<C>) {
  return useQuery<OutputOf<C>, Error>({ queryKey: queryKeyOf(c, input), queryFn: () => api(c, input), ...options });
}

/** `useMutation` over one contract; `invalidates` lists the contracts whose cached reads it makes stale. */
export function useApiMutation<C extends Contract>(
  c: C,
  options: { invalidates?: Contract[]; onSuccess?: (data: OutputOf<C>, input: InputOf<C>) => void } = {},
) {
  return useMutation<OutputOf<C>, Error, InputOf<C>>({
    mutationFn: (input) => api(c, input),
    onSuccess: (data, input) => options.onSuccess?.(data, input),
    meta: { invalidates: options.invalidates },
  });
}

/** A message fit to show the user: the server's localized message, or a local one for network failures. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18next.t('common:errors.network');
}

/** True when the server says the caller is not (or no longer) signed in. */
export function isSignedOut(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

/**
 * One QueryClient for the app. Client errors (4xx) are answers, not glitches: no retries.
 * A 401 from any read means the session ended (revoked elsewhere, deactivated): the cached
 * "me" is dropped so the auth gate sends the user to the sign-in page.
 */
export function createQueryClient(meContract: Contract): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (isSignedOut(err) && query.queryKey[1] !== meContract.path) {
          void client.invalidateQueries({ queryKey: queryKeyOf(meContract) });
        }
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: async (_data, _vars, _ctx, mutation) => {
        const stale = (mutation.meta?.invalidates ?? []) as Contract[];
        await Promise.all(stale.map((c) => client.invalidateQueries({ queryKey: [c.method, c.path] })));
      },
    }),
  });
  return client;
}
