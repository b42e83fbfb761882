import type { Kysely } from 'kysely';

export interface AuditTables {
  audit_log: {
    id: string;
    actor_id: string | null;
    /** Dotted verb, e.g. `member.deactivated`, `invite.created`, `roles.changed`. */
    action: string;
    target_type: string;
    target_id: string | null;
    /** JSON with what changed (never secrets). */
    details: string;
    ip: string | null;
    created_at: number;
  };
}

export type AuditDb = Kysely<AuditTables>;
