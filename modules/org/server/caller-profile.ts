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

/** What the HTTP layer needs to know about a signed-in person, in two indexed reads. */
export async function loadCallerProfile(anyDb: AnyDb, userId: string): Promise<CallerProfile | undefined> {
  const db: OrgDb = anyDb;
  const member = await db
    .selectFrom('org_members')
    .select(['status', 'locale', 'timezone'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!member) return undefined;
  const [roles, scopes] = await Promise.all([
    db.selectFrom('org_member_roles').select('role').where('member_id', '=', userId).execute(),
    db
      .selectFrom('org_role_scopes')
      .innerJoin('org_departments', 'org_departments.id', 'org_role_scopes.department_id')
      .select('org_departments.path')
      .where('org_role_scopes.member_id', '=', userId)
      .execute(),
  ]);
  return {
    status: member.status,
    roles: ['member', ...roles.map((r) => r.role as Role)],
    scopePaths: scopes.map((s) => s.path),
    locale: member.locale as Locale,
    timezone: member.timezone,
  };
}
