import { expectCode } from '../../../platform/server/test/expect-code.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import {
  changePassword,
  createInvite,
  createToken,
  getMe,
  getSetupStatus,
  listSessions,
  listTokens,
  login,
  logout,
  lookupInvite,
  acceptInvite,
  revokeSession,
  revokeToken,
  setMemberActive,
  setup,
} from '../shared/contract.js';
import { listAudit } from '../../audit/shared/contract.js';
import { invitePerson, PASSWORD, setupOrg } from './test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('accounts', () => {
  test('first visit sets up the organization once; a second setup is refused', async () => {
    const anon = t.client();
    expect(await anon.api(getSetupStatus)).toEqual({ needsSetup: true });
    const { admin, me } = await setupOrg(t);
    expect(me.organization.name).toBe('Acme Manufacturing');
    expect((await admin.api(getMe)).user.email).toBe('admin@acme.test');
    expect(await anon.api(getSetupStatus)).toEqual({ needsSetup: false });
    await expectCode(
      anon.api(setup, {
        body: {
          organizationName: 'Evil',
          displayName: 'x',
          email: 'x@x.test',
          password: PASSWORD,
          locale: 'en-US',
          timezone: 'UTC',
        },
      }),
      'org.already_set_up',
    );
  });

  test('an invite link works once, then is refused', async () => {
    const admin = t.client();
    await admin.api(login, { body: { email: 'admin@acme.test', password: PASSWORD } });
    const invite = await admin.api(createInvite, { body: { email: 'bob@acme.test' } });
    expect(invite.url).toContain(`/invite/${invite.token}`);
    const anon = t.client();
    expect((await anon.api(lookupInvite, { params: { token: invite.token } })).email).toBe('bob@acme.test');
    await expectCode(
      anon.api(acceptInvite, {
        body: {
          token: invite.token,
          displayName: 'Bob',
          email: 'mallory@acme.test',
          password: PASSWORD,
          locale: 'en-US',
          timezone: 'UTC',
        },
      }),
      'invite.email_mismatch',
    );
    const bob = t.client();
    const me = await bob.api(acceptInvite, {
      body: {
        token: invite.token,
        displayName: 'Bob',
        email: 'bob@acme.test',
        password: PASSWORD,
        locale: 'en-US',
        timezone: 'UTC',
      },
    });
    expect(me.user.roles).toEqual(['member']);
    await expectCode(
      t.client().api(acceptInvite, {
        body: {
          token: invite.token,
          displayName: 'Eve',
          email: 'bob@acme.test',
          password: PASSWORD,
          locale: 'en-US',
          timezone: 'UTC',
        },
      }),
      'invite.invalid',
    );
  });

  test('a member cannot create invites', async () => {
    const member = t.client();
    await member.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    await expectCode(member.api(createInvite, { body: {} }), 'auth.forbidden');
  });

  test('wrong passwords lock the account after five tries, even with the right one after', async () => {
    const admin = t.client();
    await admin.api(login, { body: { email: 'admin@acme.test', password: PASSWORD } });
    await invitePerson(t, admin, { email: 'carol@acme.test', displayName: 'Carol' });
    const guesser = t.client();
    for (let i = 0; i < 5; i++) {
      await expectCode(
        guesser.api(login, { body: { email: 'carol@acme.test', password: `wrong-${i}` } }),
        'auth.invalid_credentials',
      );
    }
    await expectCode(guesser.api(login, { body: { email: 'carol@acme.test', password: PASSWORD } }), 'auth.too_many_attempts');
  });

  test('sessions can be listed and revoked; a revoked session is signed out', async () => {
    const laptop = t.client();
    const phone = t.client();
    await laptop.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    await phone.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    const { items } = await laptop.api(listSessions);
    const phoneSession = (await phone.api(getMe)).sessionId;
    expect(items.map((s) => s.id)).toContain(phoneSession);
    expect(items.find((s) => s.current)?.id).toBe((await laptop.api(getMe)).sessionId);
    await laptop.api(revokeSession, { params: { sessionId: phoneSession as `ses_${string}` } });
    await expectCode(phone.api(getMe), 'auth.required');
    await laptop.api(logout);
    await expectCode(laptop.api(getMe), 'auth.required');
  });

  test('changing the password signs other devices out and the old password stops working', async () => {
    const a = t.client();
    const b = t.client();
    await a.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    await b.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    await expectCode(
      a.api(changePassword, { body: { currentPassword: 'nope', newPassword: 'another long one' } }),
      'auth.wrong_password',
    );
    await a.api(changePassword, { body: { currentPassword: PASSWORD, newPassword: 'another long one' } });
    expect((await a.api(getMe)).user.email).toBe('bob@acme.test');
    await expectCode(b.api(getMe), 'auth.required');
    await expectCode(t.client().api(login, { body: { email: 'bob@acme.test', password: PASSWORD } }), 'auth.invalid_credentials');
    await a.api(changePassword, { body: { currentPassword: 'another long one', newPassword: PASSWORD } });
  });

  test('personal access tokens work until revoked and respect their scopes', async () => {
    const bob = t.client();
    await bob.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    const { token, secret } = await bob.api(createToken, { body: { name: 'script', scopes: ['read'] } });
    expect(secret.startsWith('skp_')).toBe(true);
    const script = t.client({ bearer: secret });
    expect((await script.api(getMe)).user.email).toBe('bob@acme.test');
    await expectCode(script.api(createToken, { body: { name: 'x', scopes: ['read'] } }), 'auth.token_scope');
    // Only administrators may give a token the admin scope; others are told so, not just "forbidden".
    for (const scopes of [['admin'], ['read', 'write', 'admin']] as const) {
      const err = await expectCode(
        bob.api(createToken, { body: { name: 'x', scopes: [...scopes] } }),
        'auth.admin_scope_forbidden',
        403,
      );
      expect(err.message).toMatch(/administrators/i);
    }
    expect((await bob.api(listTokens)).items.map((tok) => tok.name)).toEqual(['script']);
    await bob.api(revokeToken, { params: { tokenId: token.id } });
    await expectCode(script.api(getMe), 'auth.required');
  });

  test('a deactivated member is signed out at once and cannot sign in; reactivation restores access', async () => {
    const admin = t.client();
    await admin.api(login, { body: { email: 'admin@acme.test', password: PASSWORD } });
    const { client: dave, me } = await invitePerson(t, admin, { email: 'dave@acme.test', displayName: 'Dave' });
    await admin.api(setMemberActive, { params: { userId: me.user.id }, body: { status: 'deactivated' } });
    await expectCode(dave.api(getMe), 'auth.required');
    await expectCode(t.client().api(login, { body: { email: 'dave@acme.test', password: PASSWORD } }), 'auth.deactivated');
    await admin.api(setMemberActive, { params: { userId: me.user.id }, body: { status: 'active' } });
    const dave2 = t.client();
    await dave2.api(login, { body: { email: 'dave@acme.test', password: PASSWORD } });
    // Both changes are in the audit log, which only admins may read.
    const audit = await admin.api(listAudit, { query: { targetId: me.user.id } });
    expect(audit.items.map((e) => e.action)).toEqual(['member.reactivated', 'member.deactivated']);
    await expectCode(dave2.api(listAudit, { query: {} }), 'auth.forbidden');
  });

  test('the last active administrator cannot be deactivated', async () => {
    const admin = t.client();
    const me = await admin.api(login, { body: { email: 'admin@acme.test', password: PASSWORD } });
    await expectCode(
      admin.api(setMemberActive, { params: { userId: me.user.id }, body: { status: 'deactivated' } }),
      'org.last_admin',
    );
  });
});
