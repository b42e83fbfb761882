import type { TestApp, TestClient } from '../../../../platform/server/test/harness.js';
import { invitePerson } from '../../../accounts/server/test/factories.js';
import { createDepartment, updateMember } from '../../shared/contract.js';

/** Creates a department as `admin` and returns its id. */
export async function department(admin: TestClient, name: string, parentId?: string) {
  const dep = await admin.api(createDepartment, { body: { name, parentId } });
  return dep.id;
}

let seq = 0;

/**
 * A new person who joined through an invite, optionally placed in departments by the admin;
 * returns their signed-in client and id.
 */
export async function person(
  t: TestApp,
  admin: TestClient,
  p: {
    displayName: string;
    email?: string;
    role?: 'hr_admin' | 'hrbp' | 'admin';
    departmentIds?: string[];
    names?: Partial<Record<'zh-CN' | 'en-US' | 'ja-JP', string>>;
  },
) {
  seq += 1;
  const email = p.email ?? `person${seq}.${Date.now().toString(36)}@acme.test`;
  const { client, me } = await invitePerson(t, admin, { email, displayName: p.displayName, role: p.role });
  if (p.departmentIds || p.names) {
    await admin.api(updateMember, {
      params: { userId: me.user.id },
      body: { departmentIds: p.departmentIds as never, names: p.names },
    });
  }
  return { client, id: me.user.id, email };
}
