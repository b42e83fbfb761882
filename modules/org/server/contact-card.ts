import type { Selectable } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { type Caller, hasRole } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { ContactCard, MemberSummary } from '../shared/contract.js';
import { orgErrors } from '../shared/errors.js';
import { canEditProfile } from './profile-access.js';
import { getMemberView } from './queries.js';
import type { OrgDb, OrgTables } from './tables.js';

type MemberRow = Pick<
  Selectable<OrgTables['org_members']>,
  'id' | 'display_name' | 'names' | 'title' | 'avatar_file_id' | 'status'
>;

function toSummary(r: MemberRow): MemberSummary {
  return {
    id: r.id as MemberSummary['id'],
    displayName: r.display_name,
    names: JSON.parse(r.names),
    title: r.title,
    avatarUrl: r.avatar_file_id ? `/api/members/${r.id}/avatar?v=${r.avatar_file_id}` : null,
    status: r.status,
  };
}

const SUMMARY_COLUMNS = ['id', 'display_name', 'names', 'title', 'avatar_file_id', 'status'] as const;

/** The contact card: profile, departments named along their path, manager, direct reports, and what the caller may do. */
export async function getContactCardUseCase(anyDb: AnyDb, caller: Caller, userId: string): Promise<ContactCard> {
  const db: OrgDb = anyDb;
  const member = await getMemberView(db, userId);
  if (!member) throw new AppError(orgErrors['org.member_not_found']);
  const [placed, manager, reports] = await Promise.all([
    member.departmentIds.length
      ? db.selectFrom('org_departments').select(['id', 'name', 'path']).where('id', 'in', member.departmentIds).execute()
      : Promise.resolve([]),
    member.managerId
      ? db.selectFrom('org_members').select(SUMMARY_COLUMNS).where('id', '=', member.managerId).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('org_members')
      .select(SUMMARY_COLUMNS)
      .where('manager_id', '=', userId)
      .where('status', '=', 'active')
      .orderBy('sort_name')
      .orderBy('id')
      .limit(100)
      .execute(),
  ]);
  const ancestorIds = [...new Set(placed.flatMap((d) => d.path.split('/').filter(Boolean)))];
  const ancestors = ancestorIds.length
    ? await db.selectFrom('org_departments').select(['id', 'name']).where('id', 'in', ancestorIds).execute()
    : [];
  const nameOf = new Map(ancestors.map((a) => [a.id, a.name]));
  const departments = placed
    .map((d) => ({
      id: d.id as ContactCard['departments'][number]['id'],
      name: d.name,
      path: d.path,
      pathNames: d.path
        .split('/')
        .filter(Boolean)
        .map((id) => nameOf.get(id) ?? ''),
      isPrimary: d.id === member.primaryDepartmentId,
    }))
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name));
  return {
    member,
    departments,
    manager: manager ? toSummary(manager) : null,
    directReports: reports.map(toSummary),
    permissions: {
      editOwnProfile: caller.userId === userId,
      editProfile: canEditProfile(
        caller,
        placed.map((d) => d.path),
      ),
      editRoles: hasRole(caller, 'admin'),
    },
  };
}
