import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import {
  createDepartment,
  deleteDepartment,
  listDepartmentMembers,
  listDepartments,
  updateDepartment,
  updateMember,
} from '../shared/contract.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { department, person } from './test/factories.js';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  ({ admin } = await setupOrg(t));
});
afterAll(async () => {
  await t.close();
});

const byId = async (id: string) => (await admin.api(listDepartments)).items.find((d) => d.id === id);

describe('department tree', () => {
  test('an admin builds a tree; the list shows paths, depths and member counts, parents first', async () => {
    const hq = await department(admin, 'HQ');
    const rnd = await department(admin, 'R&D', hq);
    const sw = await department(admin, 'Software', rnd);
    const { id: ann } = await person(t, admin, { displayName: 'Ann', departmentIds: [sw] });
    await person(t, admin, { displayName: 'Ben', departmentIds: [rnd] });

    const items = (await admin.api(listDepartments)).items;
    const ids = items.map((d) => d.id);
    expect(ids.indexOf(hq)).toBeLessThan(ids.indexOf(rnd));
    expect(ids.indexOf(rnd)).toBeLessThan(ids.indexOf(sw));
    const swView = items.find((d) => d.id === sw);
    expect(swView).toMatchObject({ parentId: rnd, depth: 2, path: `/${hq}/${rnd}/${sw}/`, memberCount: 1, totalMemberCount: 1 });
    expect(items.find((d) => d.id === hq)).toMatchObject({ memberCount: 0, totalMemberCount: 2 });
    expect(ann).toMatch(/^usr_/);
  });

  test('sibling names are unique; the same name elsewhere in the tree is fine', async () => {
    const a = await department(admin, 'Alpha');
    await department(admin, 'Team', a);
    await expectCode(admin.api(createDepartment, { body: { name: 'team', parentId: a } }), 'org.department_name_taken', 409);
    const b = await department(admin, 'Beta');
    expect(await department(admin, 'Team', b)).toMatch(/^dep_/);
  });

  test('renaming keeps the place in the tree; moving carries the whole subtree and its depths', async () => {
    const root = await department(admin, 'Root');
    const a = await department(admin, 'A', root);
    const b = await department(admin, 'B', a);
    const c = await department(admin, 'C', b);
    const other = await department(admin, 'Other');

    const renamed = await admin.api(updateDepartment, { params: { departmentId: a }, body: { name: 'A renamed' } });
    expect(renamed).toMatchObject({ name: 'A renamed', parentId: root, path: `/${root}/${a}/` });

    const moved = await admin.api(updateDepartment, { params: { departmentId: a }, body: { parentId: other } });
    expect(moved).toMatchObject({ parentId: other, depth: 1, path: `/${other}/${a}/` });
    expect(await byId(b)).toMatchObject({ depth: 2, path: `/${other}/${a}/${b}/` });
    expect(await byId(c)).toMatchObject({ depth: 3, path: `/${other}/${a}/${b}/${c}/` });

    const toTop = await admin.api(updateDepartment, { params: { departmentId: b }, body: { parentId: null } });
    expect(toTop).toMatchObject({ parentId: null, depth: 0, path: `/${b}/` });
    expect(await byId(c)).toMatchObject({ depth: 1, path: `/${b}/${c}/` });
  });

  test('a department cannot move under itself or its descendants', async () => {
    const top = await department(admin, 'Top');
    const mid = await department(admin, 'Mid', top);
    const leaf = await department(admin, 'Leaf', mid);
    await expectCode(
      admin.api(updateDepartment, { params: { departmentId: top }, body: { parentId: leaf } }),
      'org.department_cycle',
      409,
    );
    await expectCode(
      admin.api(updateDepartment, { params: { departmentId: mid }, body: { parentId: mid } }),
      'org.department_cycle',
      409,
    );
    expect(await byId(top)).toMatchObject({ parentId: null, path: `/${top}/` });
  });

  test('only an empty department can be deleted', async () => {
    const parent = await department(admin, 'Parent');
    const child = await department(admin, 'Child', parent);
    await expectCode(admin.api(deleteDepartment, { params: { departmentId: parent } }), 'org.department_not_empty', 409);
    const { id } = await person(t, admin, { displayName: 'Placed', departmentIds: [child] });
    await expectCode(admin.api(deleteDepartment, { params: { departmentId: child } }), 'org.department_not_empty', 409);

    await admin.api(updateMember, { params: { userId: id }, body: { departmentIds: [] } });
    await admin.api(deleteDepartment, { params: { departmentId: child } });
    await admin.api(deleteDepartment, { params: { departmentId: parent } });
    expect(await byId(parent)).toBeUndefined();
    await expectCode(admin.api(deleteDepartment, { params: { departmentId: parent } }), 'org.department_not_found', 404);
  });

  test('subtree member listing reaches through every level and follows moves', async () => {
    const l1 = await department(admin, 'L1');
    const l2 = await department(admin, 'L2', l1);
    const l3 = await department(admin, 'L3', l2);
    const l4 = await department(admin, 'L4', l3);
    const elsewhere = await department(admin, 'Elsewhere');
    await person(t, admin, { displayName: 'At L1', departmentIds: [l1] });
    await person(t, admin, { displayName: 'At L2', departmentIds: [l2] });
    await person(t, admin, { displayName: 'At L4', departmentIds: [l4] });
    // Two departments in the same subtree: listed once.
    await person(t, admin, { displayName: 'At L3 and L4', departmentIds: [l3, l4] });

    const names = async (departmentId: string, subtree: boolean) =>
      (await admin.api(listDepartmentMembers, { params: { departmentId }, query: { subtree } })).items.map((m) => m.displayName);
    expect(await names(l1, true)).toEqual(['At L1', 'At L2', 'At L3 and L4', 'At L4']);
    expect(await names(l1, false)).toEqual(['At L1']);
    expect(await names(l3, true)).toEqual(['At L3 and L4', 'At L4']);

    await admin.api(updateDepartment, { params: { departmentId: l3 }, body: { parentId: elsewhere } });
    expect(await names(l1, true)).toEqual(['At L1', 'At L2']);
    expect(await names(elsewhere, true)).toEqual(['At L3 and L4', 'At L4']);
  });

  test('members see the tree but cannot change it', async () => {
    const { client } = await person(t, admin, { displayName: 'Plain member' });
    expect((await client.api(listDepartments)).items.length).toBeGreaterThan(0);
    await expectCode(client.api(createDepartment, { body: { name: 'Mine' } }), 'auth.forbidden', 403);
    const some = (await client.api(listDepartments)).items[0];
    await expectCode(
      client.api(updateDepartment, { params: { departmentId: some.id }, body: { name: 'x' } }),
      'auth.forbidden',
      403,
    );
    await expectCode(client.api(deleteDepartment, { params: { departmentId: some.id } }), 'auth.forbidden', 403);
  });

  test('bad input is refused with a 4xx code', async () => {
    await expectCode(admin.api(createDepartment, { body: { name: '   ' } }), 'request.validation_failed', 400);
    await expectCode(
      admin.api(createDepartment, { body: { name: 'X', parentId: 'dep_nope' as never } }),
      'request.validation_failed',
      400,
    );
    await expectCode(
      admin.api(createDepartment, { body: { name: 'X', parentId: 'dep_00000000000000000000000000' as never } }),
      'org.department_not_found',
      404,
    );
    const res = await admin.fetch('/api/departments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', colour: 'red' }),
    });
    expect(res.status).toBe(400);
    await expectCode(
      admin.api(listDepartmentMembers, {
        params: { departmentId: (await department(admin, 'Q')) as never },
        query: { limit: 0 },
      }),
      'request.validation_failed',
      400,
    );
  });
});
