import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryKeyOf } from '../../../platform/client/api.js';
import { listAudit } from '../shared/contract.js';

export interface AuditFilters {
  actorId?: string;
  action?: string;
  since?: string;
  until?: string;
}

/** The query string of the CSV export: the same filters as the table. */
export function exportHref(filters: AuditFilters): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) q.set(key, value);
  const s = q.toString();
  return `/api/admin/audit/export${s ? `?${s}` : ''}`;
}

/** The audit log, newest first, a page at a time (the server's `before` cursor). */
export function useAuditLog(filters: AuditFilters) {
  const result = useInfiniteQuery({
    queryKey: [...queryKeyOf(listAudit), filters],
    queryFn: ({ pageParam }) => api(listAudit, { query: { ...filters, before: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: (previous) => previous,
  });
  return { ...result, entries: result.data?.pages.flatMap((p) => p.items) ?? [] };
}
