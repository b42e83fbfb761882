import type { AnyDb } from '../../../platform/server/db/database.js';
import type { EventSink } from '../../../platform/server/events.js';
import { AppError } from '../../../platform/shared/errors.js';
import { orgErrors } from '../shared/errors.js';
import { orgEvents } from '../shared/events.js';
import { lockOrgStructure } from './structure-lock.js';
import type { OrgDb } from './tables.js';

/**
 * Marks a member active or deactivated. Their content stays; deactivated people simply
 * cannot sign in. The last active admin cannot be deactivated. Runs in the caller's transaction
 * (call it before touching other org rows there, see lockOrgStructure):
 * pass a buffer from `ctx.events.collect()` as `events` and flush it after the commit.
 */
export async function setMemberStatus(
  anyDb: AnyDb,
  userId: string,
  status: 'active' | 'deactivated',
  events?: EventSink,
): Promise<void> {
  const db: OrgDb = anyDb;
  // The last-admin check must hold against a concurrent demotion or deactivation.
  await lockOrgStructure(db);
  const member = await db.selectFrom('org_members').select(['id', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!member) throw new AppError(orgErrors['org.member_not_found']);
  if (status === 'deactivated') {
    const otherAdmins = await db
      .selectFrom('org_member_roles')
      .innerJoin('org_members', 'org_members.id', 'org_member_roles.member_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_member_roles.role', '=', 'admin')
      .where('org_members.status', '=', 'active')
      .where('org_members.id', '!=', userId)
      .executeTakeFirstOrThrow();
    const isAdmin = await db
      .selectFrom('org_member_roles')
      .select('role')
      .where('member_id', '=', userId)
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (isAdmin && Number(otherAdmins.n) === 0) throw new AppError(orgErrors['org.last_admin']);
  }
  await db.updateTable('org_members').set({ status, updated_at: Date.now() }).where('id', '=', userId).execute();
  if (member.status !== status) await events?.emit(orgEvents.memberStatusChanged, { userId, status });
}

export async function findMemberByEmail(anyDb: AnyDb, email: string) {
  const db: OrgDb = anyDb;
  return db.selectFrom('org_members').select(['id', 'status']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}
