import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Locale } from '../../../platform/shared/i18n.js';
import type { Role } from '../../../platform/server/permissions.js';
import type { OrgDb } from './tables.js';

export interface CallerProfile {
  status: 'active' | 'deactivated';
  roles: Role[];
  scopePaths: string[];
  locale: Locale;
  timezone: string;
}

/**
 * What the HTTP layer needs to know about a signed-in person. Every request asks, so it is one
 * round trip (a UNION ALL of the member row, their roles and their HRBP scopes) rather than three:
 * on PostgreSQL each query is a network round trip and a pooled connection.
 */
export async function loadCallerProfile(anyDb: AnyDb, userId: string): Promise<CallerProfile | undefined> {
  const db: OrgDb = anyDb;
  const rows = await db
    .selectFrom('org_members')
    .select([sql<string>`'member'`.as('kind'), sql<string>`status`.as('a'), 'locale as b', 'timezone as c'])
    .where('id', '=', userId)
    .unionAll(
      db
        .selectFrom('org_member_roles')
        .select([sql<string>`'role'`.as('kind'), 'role as a', sql<string>`''`.as('b'), sql<string>`''`.as('c')])
        .where('member_id', '=', userId),
    )
    .unionAll(
      db
        .selectFrom('org_role_scopes')
        .innerJoin('org_departments', 'org_departments.id', 'org_role_scopes.department_id')
        .select([sql<string>`'scope'`.as('kind'), 'org_departments.path as a', sql<string>`''`.as('b'), sql<string>`''`.as('c')])
        .where('org_role_scopes.member_id', '=', userId),
    )
    .execute();
  const member = rows.find((r) => r.kind === 'member');
  if (!member) return undefined;
  return {
    status: member.a as CallerProfile['status'],
    roles: ['member', ...rows.filter((r) => r.kind === 'role').map((r) => r.a as Role)],
    scopePaths: rows.filter((r) => r.kind === 'scope').map((r) => r.a),
    locale: member.b as Locale,
    timezone: member.c,
  };
}
