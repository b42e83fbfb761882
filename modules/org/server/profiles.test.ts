import { listAudit } from '../../audit/shared/contract.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import {
  getContactCard,
  getMemberRoles,
  getOrganizationInfo,
  setMemberRoles,
  updateMember,
  updateOrganization,
} from '../shared/contract.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { department, person } from './test/factories.js';

let t: TestApp;
let admin: TestClient;
let adminId: string;
const dep: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  admin = org.admin;
  adminId = org.me.user.id;
  dep.mfg = await department(admin, 'Manufacturing');
  dep.plant = await department(admin, 'Plant', dep.mfg);
  dep.line = await department(admin, 'Line 1', dep.plant);
  dep.sales = await department(admin, 'Sales');
});
afterAll(async () => {
  await t.close();
});

const uid = (id: string) => id as `usr_${string}`;

describe('who may edit a profile', () => {
  test('a member edits only their own self-service fields, and reaches no admin endpoint', async () => {
    const alice = await person(t, admin, { displayName: 'Alice' });
    const bob = await person(t, admin, { displayName: 'Bob' });
    const own = await alice.client.api(updateMember, { params: { userId: uid(alice.id) }, body: { phone: '+86 138 0000 0000' } });
    expect(own.phone).toBe('+86 138 0000 0000');
    await expectCode(
      alice.client.api(updateMember, { params: { userId: uid(bob.id) }, body: { phone: '1' } }),
      'auth.forbidden',
      403,
    );
    await expectCode(
      alice.client.api(updateMember, { params: { userId: uid(alice.id) }, body: { title: 'CEO' } }),
      'auth.forbidden',
      403,
    );
    await expectCode(alice.client.api(updateOrganization, { body: { name: 'Mine' } }), 'auth.forbidden', 403);
    await expectCode(
      alice.client.api(setMemberRoles, { params: { userId: uid(alice.id) }, body: { roles: ['admin'] } }),
      'auth.forbidden',
      403,
    );
    await expectCode(alice.client.api(getMemberRoles, { params: { userId: uid(alice.id) } }), 'auth.forbidden', 403);
    expect((await admin.api(getContactCard, { params: { userId: uid(bob.id) } })).member.phone).toBeNull();
  });

  test('an HR admin edits anybody, including job data, departments and manager', async () => {
    const hr = await person(t, admin, { displayName: 'Hana HR', role: 'hr_admin' });
    const carl = await person(t, admin, { displayName: 'Carl' });
    const view = await hr.client.api(updateMember, {
      params: { userId: uid(carl.id) },
      body: {
        title: 'Buyer',
        jobSequence: 'Functions',
        jobLevel: 'P4',
        site: 'Jinyun',
        departmentIds: [dep.sales, dep.line] as never,
        primaryDepartmentId: dep.line as never,
        managerId: uid(hr.id),
        email: 'carl.new@acme.test',
      },
    });
    expect(view).toMatchObject({
      title: 'Buyer',
      jobLevel: 'P4',
      site: 'Jinyun',
      primaryDepartmentId: dep.line,
      managerId: hr.id,
    });
    expect(view.departmentIds.sort()).toEqual([dep.sales, dep.line].sort());
    await expectCode(
      hr.client.api(updateMember, { params: { userId: uid(carl.id) }, body: { email: 'admin@acme.test' } }),
      'org.email_taken',
      409,
    );
    await expectCode(
      hr.client.api(updateMember, { params: { userId: uid(carl.id) }, body: { primaryDepartmentId: dep.mfg as never } }),
      'org.primary_department_invalid',
      400,
    );
  });

  test('a manager loop is refused', async () => {
    const a = await person(t, admin, { displayName: 'Boss' });
    const b = await person(t, admin, { displayName: 'Mid' });
    const c = await person(t, admin, { displayName: 'Junior' });
    await admin.api(updateMember, { params: { userId: uid(b.id) }, body: { managerId: uid(a.id) } });
    await admin.api(updateMember, { params: { userId: uid(c.id) }, body: { managerId: uid(b.id) } });
    await expectCode(
      admin.api(updateMember, { params: { userId: uid(a.id) }, body: { managerId: uid(c.id) } }),
      'org.manager_cycle',
      409,
    );
    await expectCode(
      admin.api(updateMember, { params: { userId: uid(a.id) }, body: { managerId: uid(a.id) } }),
      'org.manager_cycle',
      409,
    );
    await expectCode(
      admin.api(updateMember, { params: { userId: uid(a.id) }, body: { managerId: 'usr_00000000000000000000000000' as never } }),
      'org.member_not_found',
      404,
    );
  });

  test('an HRBP edits people anywhere in their subtrees, not in sibling departments, and cannot move people out', async () => {
    const hrbp = await person(t, admin, { displayName: 'Pat HRBP', role: 'hrbp' });
    await admin.api(setMemberRoles, {
      params: { userId: uid(hrbp.id) },
      body: { roles: ['hrbp'], scopeDepartmentIds: [dep.mfg] as never },
    });
    const deep = await person(t, admin, { displayName: 'Deep in Line 1', departmentIds: [dep.line] });
    const seller = await person(t, admin, { displayName: 'Seller', departmentIds: [dep.sales] });

    const edited = await hrbp.client.api(updateMember, { params: { userId: uid(deep.id) }, body: { jobLevel: 'P5' } });
    expect(edited.jobLevel).toBe('P5');
    // Both the role grant and the HR edit are on the admin's audit trail.
    const granted = await admin.api(listAudit, { query: { targetId: hrbp.id } });
    expect(granted.items[0]).toMatchObject({ action: 'roles.changed', details: { scopeDepartmentIds: [dep.mfg] } });
    const hrEdit = await admin.api(listAudit, { query: { targetId: deep.id, action: 'member.profile_updated' } });
    expect(hrEdit.items[0]).toMatchObject({ actorId: hrbp.id, details: { fields: ['jobLevel'] } });
    const card = await hrbp.client.api(getContactCard, { params: { userId: uid(deep.id) } });
    expect(card.permissions.editProfile).toBe(true);

    await expectCode(
      hrbp.client.api(updateMember, { params: { userId: uid(seller.id) }, body: { jobLevel: 'P5' } }),
      'auth.forbidden',
      403,
    );
    expect((await hrbp.client.api(getContactCard, { params: { userId: uid(seller.id) } })).permissions.editProfile).toBe(false);
    await expectCode(
      hrbp.client.api(updateMember, { params: { userId: uid(deep.id) }, body: { departmentIds: [dep.sales] as never } }),
      'auth.forbidden',
      403,
    );
    // Moving within the scope is fine.
    const moved = await hrbp.client.api(updateMember, {
      params: { userId: uid(deep.id) },
      body: { departmentIds: [dep.plant] as never },
    });
    expect(moved.departmentIds).toEqual([dep.plant]);

    // Narrowing the scope to Sales takes effect on the next request.
    await admin.api(setMemberRoles, {
      params: { userId: uid(hrbp.id) },
      body: { roles: ['hrbp'], scopeDepartmentIds: [dep.sales] as never },
    });
    await expectCode(
      hrbp.client.api(updateMember, { params: { userId: uid(deep.id) }, body: { jobLevel: 'P6' } }),
      'auth.forbidden',
      403,
    );
    expect((await hrbp.client.api(updateMember, { params: { userId: uid(seller.id) }, body: { jobLevel: 'P6' } })).jobLevel).toBe(
      'P6',
    );
  });
});

describe('roles and organization', () => {
  test('the last admin cannot give up the role; with a second admin it works', async () => {
    await expectCode(admin.api(setMemberRoles, { params: { userId: uid(adminId) }, body: { roles: [] } }), 'org.last_admin', 409);
    const other = await person(t, admin, { displayName: 'Second Admin' });
    const granted = await admin.api(setMemberRoles, {
      params: { userId: uid(other.id) },
      body: { roles: ['admin', 'hrbp'], scopeDepartmentIds: [dep.mfg] as never },
    });
    expect(granted.member.roles.sort()).toEqual(['admin', 'hrbp', 'member']);
    expect(granted.scopeDepartmentIds).toEqual([dep.mfg]);
    expect(await other.client.api(getMemberRoles, { params: { userId: uid(other.id) } })).toEqual({
      roles: expect.arrayContaining(['member', 'admin', 'hrbp']),
      scopeDepartmentIds: [dep.mfg],
    });
    // Scopes are dropped when the HRBP role goes.
    const demoted = await other.client.api(setMemberRoles, {
      params: { userId: uid(adminId) },
      body: { roles: ['hrbp'], scopeDepartmentIds: [] },
    });
    expect(demoted.member.roles).toEqual(['member', 'hrbp']);
    // No longer an admin: admin endpoints are closed at once.
    await expectCode(admin.api(updateOrganization, { body: { name: 'x' } }), 'auth.forbidden', 403);
    // Restore for the next test.
    await other.client.api(setMemberRoles, { params: { userId: uid(adminId) }, body: { roles: ['admin'] } });
  });

  test('an admin renames the organization and changes its default language', async () => {
    const org = await admin.api(updateOrganization, { body: { name: 'Acme 制造', defaultLocale: 'ja-JP' } });
    expect(org).toMatchObject({ name: 'Acme 制造', defaultLocale: 'ja-JP' });
    const someone = await person(t, admin, { displayName: 'Reader' });
    expect(await someone.client.api(getOrganizationInfo)).toMatchObject({ name: 'Acme 制造', defaultLocale: 'ja-JP' });
    await expectCode(admin.api(updateOrganization, { body: { name: '' } }), 'request.validation_failed', 400);
    await expectCode(
      admin.api(setMemberRoles, { params: { userId: uid(adminId) }, body: { roles: ['root' as never] } }),
      'request.validation_failed',
      400,
    );
  });
});
