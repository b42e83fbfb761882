import { useApiQuery } from '../../../platform/client/api.js';
import { getMe } from '../../accounts/shared/contract.js';

/** The signed-in member (shared cache with the shell's auth gate). */
export function useMe() {
  return useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 });
}

/** Whether the signed-in member holds any of these roles. */
export function useHasRole(...roles: string[]): boolean {
  const me = useMe();
  return Boolean(me.data?.user.roles.some((r) => roles.includes(r)));
}
