import type { AppContext } from '../../../../platform/server/app-context.js';
import { setPassword } from '../../../accounts/server/index.js';
import { createDepartment } from '../create-department.js';
import { createMember } from '../create-member.js';
import { createOrganization, getOrganization } from '../organization.js';
import type { OrgDb } from '../tables.js';
import { DEMO_DOMAIN, DEMO_ORGANIZATION, DEMO_PASSWORD, DEPARTMENTS, PEOPLE, SITES } from './demo-org.js';

/** Deterministic phone numbers, so the demo looks the same on every run. */
function phoneFor(site: keyof typeof SITES, index: number): string {
  return `${SITES[site].phone} ${String(5550100 + index * 37).slice(-7)}`;
}

/**
 * Creates the demo organization (people, departments, managers, roles, passwords) when
 * Skein has not been set up yet; leaves an existing organization untouched, so running it
 * twice is harmless. Everybody signs in with DEMO_PASSWORD.
 */
export async function seedOrgDemo(ctx: AppContext): Promise<void> {
  if (await getOrganization(ctx.db)) {
    ctx.log.info('demo: the organization is already set up; org demo data left as it is');
    return;
  }
  const root: OrgDb = ctx.db;
  const created = await root.transaction().execute(async (tx) => {
    // The organization row is the lock: a concurrent setup or seed makes this a no-op.
    if (!(await createOrganization(tx, DEMO_ORGANIZATION, 'zh-CN'))) return false;
    const db = tx;
    const departments = new Map<string, string>();
    for (const [i, d] of DEPARTMENTS.entries()) {
      const parentId = d.parent ? departments.get(d.parent) : null;
      departments.set(d.key, await createDepartment(db, { name: d.name, parentId, sort: i }));
    }
    const people = new Map<string, string>();
    for (const [i, p] of PEOPLE.entries()) {
      const id = await createMember(db, {
        displayName: p.name,
        names: p.names,
        email: `${p.email}@${DEMO_DOMAIN}`,
        locale: p.locale,
        timezone: SITES[p.site].timezone,
        site: SITES[p.site].name,
        title: p.title,
        phone: phoneFor(p.site, i),
        jobSequence: p.seq,
        jobLevel: p.level,
        managerId: p.manager ? people.get(p.manager) : null,
        departmentIds: [departments.get(p.dept) as string],
        roles: p.roles,
      });
      people.set(p.key, id);
      if (p.scope?.length) {
        await db
          .insertInto('org_role_scopes')
          .values(p.scope.map((key) => ({ member_id: id, department_id: departments.get(key) as string })))
          .execute();
      }
      if (p.deactivated) await db.updateTable('org_members').set({ status: 'deactivated' }).where('id', '=', id).execute();
    }
    // argon2 runs on the thread pool: hashing in parallel keeps the seed to about a second.
    await Promise.all([...people.values()].map((id) => setPassword(tx, id, DEMO_PASSWORD)));
    return true;
  });
  if (created)
    ctx.log.info({ people: PEOPLE.length }, `demo: organization created; sign in as admin@${DEMO_DOMAIN} / ${DEMO_PASSWORD}`);
}
