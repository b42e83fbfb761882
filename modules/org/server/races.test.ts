import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createToken, setMemberActive } from '../../accounts/shared/contract.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import { ApiError } from '../../../platform/shared/api-client.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  setMemberRoles,
  updateDepartment,
  updateMember,
} from '../shared/contract.js';
import type { OrgDb } from './tables.js';
import { department, person } from './test/factories.js';

/**
 * Two administrators acting at the same moment: every check a use case makes must still hold
 * when its write lands. Each round fires conflicting requests together and then looks at what a
 * user would see. On SQLite transactions already take turns; PostgreSQL (CI) is where these bite.
 */

const ROUNDS = 12;

let t: TestApp;
let admin: TestClient;
let firstAdminId: string;
beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  admin = org.admin;
  firstAdminId = org.me.user.id;
});
afterAll(async () => {
  await t.close();
});

/** Runs the requests together; each either succeeds or is refused with one of the codes, never a 5xx. */
async function together(requests: Promise<unknown>[], allowed: string[]): Promise<{ ok: number; refused: string[] }> {
  const results = await Promise.allSettled(requests);
  const refused: string[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    const err = r.reason;
    expect(err, String(err)).toBeInstanceOf(ApiError);
    expect(allowed, `${(err as ApiError).status} ${(err as ApiError).code}`).toContain((err as ApiError).code);
    refused.push((err as ApiError).code);
  }
  return { ok: results.length - refused.length, refused };
}

/** Every department's parent chain ends at the top, and paths agree with parents. */
async function expectTree(): Promise<void> {
  const items = (await admin.api(listDepartments)).items;
  const byId = new Map(items.map((d) => [d.id, d]));
  for (const d of items) {
    const seen = new Set<string>();
    let at: typeof d | undefined = d;
    while (at?.parentId) {
      expect(seen.has(at.id), `cycle through ${d.name}`).toBe(false);
      seen.add(at.id);
      at = byId.get(at.parentId);
      expect(at, `${d.name} has a missing ancestor`).toBeDefined();
    }
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    expect(d.path).toBe(`${parent?.path ?? '/'}${d.id}/`);
  }
}

/** Ids of the active admins, read straight from the org tables (this is org's own test). */
async function activeAdmins(): Promise<string[]> {
  const db: OrgDb = t.app.ctx.db;
  const rows = await db
    .selectFrom('org_member_roles')
    .innerJoin('org_members', 'org_members.id', 'org_member_roles.member_id')
    .select('org_members.id')
    .where('org_member_roles.role', '=', 'admin')
    .where('org_members.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

describe('concurrent administration', () => {
  test('two departments moved under each other at once never form a cycle', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await department(admin, `Loop A ${round}`);
      const b = await department(admin, `Loop B ${round}`);
      const { ok } = await together(
        [
          admin.api(updateDepartment, { params: { departmentId: a }, body: { parentId: b } }),
          admin.api(updateDepartment, { params: { departmentId: b }, body: { parentId: a } }),
        ],
        ['org.department_cycle'],
      );
      expect(ok).toBe(1);
    }
    await expectTree();
  });

  test('a department deleted while someone is placed in it or a child is created under it', async () => {
    const { id: member } = await person(t, admin, { displayName: 'Placed' });
    for (let round = 0; round < ROUNDS; round++) {
      const dep = await department(admin, `Doomed ${round}`);
      const [placed, child, deleted] = await Promise.allSettled([
        admin.api(updateMember, { params: { userId: member }, body: { departmentIds: [dep as never] } }),
        admin.api(createDepartment, { body: { name: 'Child', parentId: dep as never } }),
        admin.api(deleteDepartment, { params: { departmentId: dep } }),
      ]);
      for (const r of [placed, child, deleted]) {
        if (r.status === 'rejected') {
          expect(r.reason, String(r.reason)).toBeInstanceOf(ApiError);
          expect(['org.department_not_found', 'org.department_not_empty']).toContain((r.reason as ApiError).code);
        }
      }
      // Deleted means nothing points at it; kept means whatever was placed is still there.
      const exists = (await admin.api(listDepartments)).items.some((d) => d.id === dep);
      expect(exists).toBe(deleted.status === 'rejected');
      if (deleted.status === 'fulfilled') expect(placed.status === 'rejected' && child.status === 'rejected').toBe(true);
    }
    await expectTree();
  });

  test('two siblings created with one name at once: one of them is refused', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { ok } = await together(
        Array.from({ length: 3 }, () => admin.api(createDepartment, { body: { name: `Twin ${round}` } })),
        ['org.department_name_taken'],
      );
      expect(ok).toBe(1);
    }
  });

  test('admins demoting and deactivating each other at once always leave an active admin', async () => {
    // Access tokens outlive a deactivation (sessions do not), so both can act again once restored.
    const [b, c] = await Promise.all(
      ['B', 'C'].map(async (name) => {
        const p = await person(t, admin, { displayName: `Admin ${name}`, role: 'admin' });
        const { secret } = await p.client.api(createToken, { body: { name: 'races', scopes: ['read', 'write', 'admin'] } });
        return { id: p.id, client: t.client({ bearer: secret }) };
      }),
    );
    // The first admin steps down: b and c are the only admins from here on.
    await b.client.api(setMemberRoles, { params: { userId: firstAdminId }, body: { roles: [] } });
    for (let round = 0; round < ROUNDS; round++) {
      const [survivor] = await activeAdmins();
      const restorer = survivor === b.id ? b.client : c.client;
      for (const p of [b, c]) {
        await restorer.api(setMemberActive, { params: { userId: p.id }, body: { status: 'active' } });
        await restorer.api(setMemberRoles, { params: { userId: p.id }, body: { roles: ['admin'] } });
      }
      expect((await activeAdmins()).sort()).toEqual([b.id, c.id].sort());
      // Each acts against the other at the same moment, twice over.
      await together(
        [
          b.client.api(setMemberRoles, { params: { userId: c.id }, body: { roles: [] } }),
          c.client.api(setMemberRoles, { params: { userId: b.id }, body: { roles: [] } }),
          b.client.api(setMemberActive, { params: { userId: c.id }, body: { status: 'deactivated' } }),
          c.client.api(setMemberActive, { params: { userId: b.id }, body: { status: 'deactivated' } }),
        ],
        // A request that lands after its sender lost the role or was deactivated is refused as such.
        ['org.last_admin', 'auth.forbidden', 'auth.required'],
      );
      expect((await activeAdmins()).length, `round ${round}`).toBeGreaterThanOrEqual(1);
    }
  });
});
