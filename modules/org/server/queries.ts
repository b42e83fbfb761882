import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Selectable } from 'kysely';
import type { Locale } from '../../../platform/shared/i18n.js';
import type { MemberView } from '../shared/types.js';
import type { OrgDb, OrgTables } from './tables.js';

type MemberRow = Selectable<OrgTables['org_members']>;

/** Loads departments and roles for a batch of members and shapes them as views. */
export async function toMemberViews(anyDb: AnyDb, rows: MemberRow[]): Promise<MemberView[]> {
  const db: OrgDb = anyDb;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [deps, roles] = await Promise.all([
    db.selectFrom('org_member_departments').selectAll().where('member_id', 'in', ids).execute(),
    db.selectFrom('org_member_roles').selectAll().where('member_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => {
    const mine = deps.filter((d) => d.member_id === r.id);
    return {
      id: r.id as MemberView['id'],
      displayName: r.display_name,
      names: JSON.parse(r.names),
      email: r.email,
      phone: r.phone,
      title: r.title,
      jobSequence: r.job_sequence,
      jobLevel: r.job_level,
      managerId: r.manager_id as MemberView['managerId'],
      site: r.site,
      timezone: r.timezone,
      locale: r.locale as Locale,
      avatarUrl: r.avatar_file_id ? `/api/members/${r.id}/avatar?v=${r.avatar_file_id}` : null,
      status: r.status,
      primaryDepartmentId: (mine.find((d) => d.is_primary)?.department_id ?? null) as MemberView['primaryDepartmentId'],
      departmentIds: mine.map((d) => d.department_id) as MemberView['departmentIds'],
      roles: ['member', ...roles.filter((x) => x.member_id === r.id).map((x) => x.role)] as MemberView['roles'],
    };
  });
}

export async function getMemberView(anyDb: AnyDb, id: string): Promise<MemberView | undefined> {
  const db: OrgDb = anyDb;
  const row = await db.selectFrom('org_members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await toMemberViews(db, [row]))[0];
}
