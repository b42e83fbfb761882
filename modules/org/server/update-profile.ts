import type { AnyDb } from '../../../platform/server/db/database.js';
import type { EventSink } from '../../../platform/server/events.js';
import { authorize, type Caller } from '../../../platform/server/permissions.js';
import { recordAudit } from '../../audit/server/index.js';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';
import type { Locale } from '../../../platform/shared/i18n.js';
import type { MemberView } from '../shared/types.js';
import { orgErrors } from '../shared/errors.js';
import { orgEvents } from '../shared/events.js';
import { requireDepartments } from './departments.js';
import { canEditProfile, departmentPathsOf, editProfileRule, scopedOnly } from './profile-access.js';
import { getMemberView } from './queries.js';
import { buildSearchText, buildSortName } from './search-text.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

/** Fields a member may change about themselves. */
export interface SelfProfileChange {
  displayName?: string;
  names?: Partial<Record<Locale, string>>;
  phone?: string | null;
  timezone?: string;
  locale?: Locale;
}

/** Every profile field (HR and admins). */
export interface ProfileChange extends SelfProfileChange {
  email?: string;
  title?: string | null;
  jobSequence?: string | null;
  jobLevel?: string | null;
  site?: string | null;
  managerId?: string | null;
  departmentIds?: string[];
  primaryDepartmentId?: string | null;
}

const SELF_FIELDS = new Set(['displayName', 'names', 'phone', 'timezone', 'locale']);

/** PATCH /api/me/profile: self-service fields only. */
export async function updateMyProfileUseCase(db: AnyDb, caller: Caller, change: SelfProfileChange): Promise<MemberView> {
  return applyProfileChange(db, caller.userId, change);
}

/**
 * PATCH /api/members/:userId. Admins and HR admins edit anyone; an HRBP edits members whose
 * departments lie in their subtrees and may place them only inside those subtrees; anybody
 * may send self-service fields about themselves.
 */
export async function updateMemberUseCase(
  db: AnyDb,
  caller: Caller,
  userId: string,
  change: ProfileChange,
  events?: EventSink,
): Promise<MemberView> {
  await requireMember(db, userId);
  const paths = await departmentPathsOf(db, userId);
  if (!canEditProfile(caller, paths)) {
    const selfOnly = Object.keys(change).every((k) => SELF_FIELDS.has(k));
    if (caller.userId !== userId || !selfOnly) throw new AppError(platformErrors['auth.forbidden']);
  } else if (change.departmentIds && scopedOnly(caller)) {
    const targets = await requireDepartments(db, change.departmentIds);
    for (const dep of targets) authorize(caller, editProfileRule, { departmentPaths: [dep.path] });
  }
  const view = await applyProfileChange(db, userId, change, events);
  if (caller.userId !== userId) {
    await recordAudit(db, {
      actorId: caller.userId,
      action: 'member.profile_updated',
      targetType: 'member',
      targetId: userId,
      details: { fields: Object.keys(change) },
    });
  }
  return view;
}

async function requireMember(anyDb: AnyDb, userId: string) {
  const db: OrgDb = anyDb;
  const row = await db.selectFrom('org_members').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError(orgErrors['org.member_not_found']);
  return row;
}

/** Refuses a manager chain that would loop back to the member. */
async function assertNoManagerCycle(db: OrgDb, userId: string, managerId: string): Promise<void> {
  const seen = new Set<string>();
  let current: string | null = managerId;
  while (current) {
    if (current === userId || seen.has(current)) throw new AppError(orgErrors['org.manager_cycle']);
    seen.add(current);
    const row: { manager_id: string | null } | undefined = await db
      .selectFrom('org_members')
      .select('manager_id')
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row && current === managerId) throw new AppError(orgErrors['org.member_not_found']);
    current = row?.manager_id ?? null;
  }
}

/**
 * Writes a profile change without authorization (callers decide who may): validates email
 * uniqueness, manager loops and departments, and rebuilds search_text so the directory
 * finds the new name at once. Public for other modules and the demo. Runs its own transaction
 * and emits `org.member_departments_changed` to `events` after it when departments changed.
 */
export async function applyProfileChange(
  anyDb: AnyDb,
  userId: string,
  change: ProfileChange,
  events?: EventSink,
): Promise<MemberView> {
  const departmentsChanged = change.departmentIds !== undefined || change.primaryDepartmentId !== undefined;
  await (anyDb as OrgDb).transaction().execute(async (db) => {
    // Placement, managers and emails are checked against the rest of the organization: a
    // department being deleted, a manager chain changing, the same email claimed twice.
    if (departmentsChanged || change.managerId !== undefined || change.email !== undefined) await lockOrgStructure(db);
    const row = await requireMember(db, userId);
    const email = change.email?.trim().toLowerCase() ?? row.email;
    if (email !== row.email) {
      const taken = await db.selectFrom('org_members').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new AppError(orgErrors['org.email_taken']);
    }
    if (change.managerId) await assertNoManagerCycle(db, userId, change.managerId);
    const displayName = change.displayName?.trim() ?? row.display_name;
    const names = change.names ?? JSON.parse(row.names);
    await db
      .updateTable('org_members')
      .set({
        display_name: displayName,
        names: JSON.stringify(names),
        email,
        ...(change.phone !== undefined && { phone: change.phone || null }),
        ...(change.title !== undefined && { title: change.title || null }),
        ...(change.jobSequence !== undefined && { job_sequence: change.jobSequence || null }),
        ...(change.jobLevel !== undefined && { job_level: change.jobLevel || null }),
        ...(change.site !== undefined && { site: change.site || null }),
        ...(change.managerId !== undefined && { manager_id: change.managerId }),
        ...(change.timezone !== undefined && { timezone: change.timezone }),
        ...(change.locale !== undefined && { locale: change.locale }),
        search_text: buildSearchText([displayName, ...Object.values(names as Record<string, string>)], email),
        sort_name: buildSortName({ displayName, names }),
        updated_at: Date.now(),
      })
      .where('id', '=', userId)
      .execute();
    if (departmentsChanged) {
      await replaceDepartments(db, userId, change.departmentIds, change.primaryDepartmentId);
    }
  });
  if (departmentsChanged) await events?.emit(orgEvents.memberDepartmentsChanged, { userId });
  const view = await getMemberView(anyDb, userId);
  if (!view) throw new AppError(orgErrors['org.member_not_found']);
  return view;
}

async function replaceDepartments(db: OrgDb, userId: string, ids: string[] | undefined, primary: string | null | undefined) {
  const current = await db.selectFrom('org_member_departments').selectAll().where('member_id', '=', userId).execute();
  const departmentIds = [...new Set(ids ?? current.map((c) => c.department_id))];
  await requireDepartments(db, departmentIds);
  const primaryId =
    primary !== undefined
      ? primary
      : (current.find((c) => c.is_primary && departmentIds.includes(c.department_id))?.department_id ?? null);
  if (primaryId !== null && !departmentIds.includes(primaryId)) throw new AppError(orgErrors['org.primary_department_invalid']);
  // With departments and no primary named, the first one is primary: every placed member has one.
  const effectivePrimary = primaryId ?? departmentIds[0] ?? null;
  await db.deleteFrom('org_member_departments').where('member_id', '=', userId).execute();
  if (departmentIds.length > 0) {
    await db
      .insertInto('org_member_departments')
      .values(departmentIds.map((d) => ({ member_id: userId, department_id: d, is_primary: d === effectivePrimary ? 1 : 0 })))
      .execute();
  }
}
