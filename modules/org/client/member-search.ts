import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryKeyOf } from '../../../platform/client/api.js';
import { searchMembers } from '../shared/contract.js';

export interface MemberSearch {
  q?: string;
  departmentId?: string;
  status?: 'active' | 'deactivated' | 'all';
}

/** Directory search, page by page (the server's cursor), shared by the directory and the admin console. */
export function useMemberSearch(search: MemberSearch) {
  const query = {
    q: search.q?.trim() || undefined,
    departmentId: search.departmentId as `dep_${string}` | undefined,
    subtree: search.departmentId ? true : undefined,
    status: search.status,
    limit: 30,
  };
  const result = useInfiniteQuery({
    queryKey: [...queryKeyOf(searchMembers), query],
    queryFn: ({ pageParam }) => api(searchMembers, { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  return { ...result, members: result.data?.pages.flatMap((p) => p.items) ?? [] };
}
