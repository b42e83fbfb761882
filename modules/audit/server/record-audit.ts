import { newId } from '../../../platform/shared/ids.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { AuditDb } from './tables.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends to the audit log. Pass the same transaction as the change it records, so an
 * admin or HR action and its audit entry commit or roll back together.
 */
export async function recordAudit(anyDb: AnyDb, entry: AuditEntry): Promise<void> {
  const db: AuditDb = anyDb;
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
      created_at: Date.now(),
    })
    .execute();
}
