import type { z } from 'zod';
import type { AppContext } from '../../../platform/server/app-context.js';
import { displayNames } from '../../org/server/index.js';
import type { listAudit } from '../shared/contract.js';
import { auditRows } from './audit-query.js';
import type { AuditDb } from './tables.js';

type Row = Awaited<ReturnType<ReturnType<typeof auditRows>['execute']>>[number];

/** One row as the API shows it, with the actor's current name. */
export function toEntryView(r: Row, names: Map<string, { displayName: string }>) {
  return {
    id: r.id,
    actorId: r.actor_id,
    actorName: r.actor_id ? (names.get(r.actor_id)?.displayName ?? null) : null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    ip: r.ip,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The actors' names of a page of rows, in one query. */
export function actorNames(ctx: AppContext, rows: Row[]) {
  return displayNames(ctx.db, [...new Set(rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))]);
}

/** Pages the audit log backwards by id (ids sort by time). Admin-only at the contract. */
export async function listAuditUseCase(ctx: AppContext, query: z.output<NonNullable<typeof listAudit.query>>) {
  const db: AuditDb = ctx.db;
  let q = auditRows(db, query).limit(query.limit + 1);
  if (query.before) q = q.where('id', '<', query.before);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const names = await actorNames(ctx, page);
  return {
    items: page.map((r) => toEntryView(r, names)),
    nextBefore: rows.length > query.limit ? page[page.length - 1].id : null,
  };
}

/** The distinct actions recorded so far, sorted, for the filter's choices. */
export async function listAuditActionsUseCase(ctx: AppContext) {
  const db: AuditDb = ctx.db;
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return { actions: rows.map((r) => r.action) };
}
