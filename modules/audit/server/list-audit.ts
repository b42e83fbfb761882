import type { z } from 'zod';
import type { listAudit } from '../shared/contract.js';
import type { AuditDb } from './tables.js';

/** Pages the audit log backwards by id (ids sort by time). Admin-only at the contract. */
export async function listAuditUseCase(db: AuditDb, query: z.output<NonNullable<typeof listAudit.query>>) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  if (query.before) q = q.where('id', '<', query.before);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
      ip: r.ip,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextBefore: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}
