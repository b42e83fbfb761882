import { expect } from 'vitest';
import { ApiError } from '../../../../platform/shared/api-client.js';
import type { TestApp, TestClient } from '../../../../platform/server/test/harness.js';
import { invitePerson } from '../../../accounts/server/test/factories.js';
import { createDepartment, updateMember } from '../../shared/contract.js';

/** Expects the promise to fail with this error code; returns the error for further checks. */
export async function expectCode(p: Promise<unknown>, code: string, status?: number): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  if (status !== undefined) expect((err as ApiError).status).toBe(status);
  return err as ApiError;
}

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
