import type { z } from 'zod';
import type { auditFilter } from '../shared/contract.js';
import type { AuditDb } from './tables.js';

export type AuditFilter = z.output<typeof auditFilter>;

/** The audit rows matching a filter, newest first (ids sort by time); shared by list and export. */
export function auditRows(db: AuditDb, filter: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
  if (filter.since) q = q.where('created_at', '>=', Date.parse(filter.since));
  if (filter.until) q = q.where('created_at', '<', Date.parse(filter.until));
  return q;
}
