import type { AnyDb } from '../../../platform/server/db/database.js';
import type { EventSink } from '../../../platform/server/events.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { Locale } from '../../../platform/shared/i18n.js';
import { newId, type UserId } from '../../../platform/shared/ids.js';
import type { Role } from '../../../platform/server/permissions.js';
import { orgErrors } from '../shared/errors.js';
import { orgEvents } from '../shared/events.js';
import { buildSearchText, buildSortName } from './search-text.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

export interface NewMember {
  displayName: string;
  email: string;
  locale: Locale;
  timezone: string;
  names?: Partial<Record<Locale, string>>;
  title?: string | null;
  phone?: string | null;
  jobSequence?: string | null;
  jobLevel?: string | null;
  site?: string | null;
  managerId?: string | null;
  departmentIds?: string[];
  primaryDepartmentId?: string | null;
  roles?: Role[];
}

/**
 * Creates a member; emails are unique case-insensitively. Call inside the caller's transaction;
 * pass a buffer from `ctx.events.collect()` as `events` and flush it after the commit.
 */
export async function createMember(anyDb: AnyDb, input: NewMember, events?: EventSink): Promise<UserId> {
  const db: OrgDb = anyDb;
  // The email must still be free, and the departments still there, when the rows land.
  await lockOrgStructure(db);
  const email = input.email.trim().toLowerCase();
  const taken = await db.selectFrom('org_members').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new AppError(orgErrors['org.email_taken']);
  const id = newId('usr');
  const now = Date.now();
  const names = input.names ?? {};
  await db
    .insertInto('org_members')
    .values({
      id,
      display_name: input.displayName.trim(),
      names: JSON.stringify(names),
      email,
      phone: input.phone ?? null,
      title: input.title ?? null,
      job_sequence: input.jobSequence ?? null,
      job_level: input.jobLevel ?? null,
      manager_id: input.managerId ?? null,
      site: input.site ?? null,
      timezone: input.timezone,
      locale: input.locale,
      avatar_file_id: null,
      status: 'active',
      search_text: buildSearchText([input.displayName, ...Object.values(names)], email),
      sort_name: buildSortName({ displayName: input.displayName.trim(), names }),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const departmentIds = input.departmentIds ?? [];
  if (departmentIds.length > 0) {
    const primary = input.primaryDepartmentId ?? departmentIds[0];
    await db
      .insertInto('org_member_departments')
      .values(departmentIds.map((d) => ({ member_id: id, department_id: d, is_primary: d === primary ? 1 : 0 })))
      .execute();
    await events?.emit(orgEvents.memberDepartmentsChanged, { userId: id });
  }
  const roles = (input.roles ?? []).filter((r) => r !== 'member');
  if (roles.length > 0) {
    await db
      .insertInto('org_member_roles')
      .values(roles.map((role) => ({ member_id: id, role })))
      .execute();
  }
  return id;
}
