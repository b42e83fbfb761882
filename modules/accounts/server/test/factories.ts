import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../../../platform/server/test/harness.js';
import { acceptInvite, createInvite, setup } from '../../shared/contract.js';

export const PASSWORD = 'correct horse battery';

/** Sets the organization up and returns the first administrator's signed-in client. */
export async function setupOrg(t: TestApp, overrides: Partial<{ email: string; displayName: string }> = {}) {
  const admin = t.client();
  const me = await admin.api(setup, {
    body: {
      organizationName: 'Acme Manufacturing',
      displayName: overrides.displayName ?? '王芳',
      email: overrides.email ?? 'admin@acme.test',
      password: PASSWORD,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    },
  });
  expect(me.user.roles).toContain('admin');
  return { admin, me };
}

/** Has `inviter` create a link and a new person accept it; returns the newcomer's client. */
export async function invitePerson(
  t: TestApp,
  inviter: TestClient,
  person: { email: string; displayName: string; role?: 'hr_admin' | 'hrbp' | 'admin'; locale?: 'zh-CN' | 'en-US' | 'ja-JP' },
) {
  const invite = await inviter.api(createInvite, { body: { role: person.role } });
  const client = t.client();
  const me = await client.api(acceptInvite, {
    body: {
      token: invite.token,
      displayName: person.displayName,
      email: person.email,
      password: PASSWORD,
      locale: person.locale ?? 'en-US',
      timezone: 'Europe/Berlin',
    },
  });
  return { client, me };
}
