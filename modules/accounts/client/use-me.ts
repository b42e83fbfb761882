import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { queryKeyOf, useApiQuery } from '../../../platform/client/api.js';
import { getMe, type meView } from '../shared/contract.js';

export type Me = z.infer<typeof meView>;

/** The signed-in member (cached; the shell's auth gate loads it first). */
export function useMe() {
  return useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 });
}

/** Stores the session a sign-in, setup or invite acceptance just answered, so the shell needs no extra round trip. */
export function useRememberMe(): (me: Me) => void {
  const qc = useQueryClient();
  return (me) => qc.setQueryData(queryKeyOf(getMe), me);
}
