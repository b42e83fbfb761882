import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';

export const auditEntryView = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  /** The actor's display name now (null for system actions or a deleted member). */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** The filters the list and the CSV export share: who, what, on what, when (`since` ≤ t < `until`). */
export const auditFilter = z.object({
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

export const listAudit = contract({
  method: 'GET',
  path: '/api/admin/audit',
  auth: 'admin',
  summary: 'Admin and HR actions, newest first',
  query: auditFilter.extend({
    before: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ items: z.array(auditEntryView), nextBefore: z.string().nullable() }),
});

export const listAuditActions = contract({
  method: 'GET',
  path: '/api/admin/audit/actions',
  auth: 'admin',
  summary: 'Every action the audit log holds, for the action filter',
  response: z.object({ actions: z.array(z.string()) }),
});

/** At most this many rows per export; the file says so in its last line when it was cut. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const exportAudit = contract({
  method: 'GET',
  path: '/api/admin/audit/export',
  auth: 'admin',
  kind: 'binary',
  summary: 'The filtered audit log as a CSV file (UTF-8 with BOM, newest first)',
  query: auditFilter,
  response: z.unknown(),
});
