import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../modules/accounts/server/test/factories.js';
import {
  createInvite,
  createToken,
  getMe,
  listInvites,
  revokeInvite,
  setMemberActive,
} from '../../modules/accounts/shared/contract.js';
import { listAudit } from '../../modules/audit/shared/contract.js';
import { createChat, sendMessage } from '../../modules/messenger/shared/contract.js';
import { department, person } from '../../modules/org/server/test/factories.js';
import { getContactCard, searchMembers, setMemberRoles, updateMember } from '../../modules/org/shared/contract.js';
import { buildPath, type Contract } from '../../platform/shared/contract.js';
import { expectCode } from '../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../platform/server/test/harness.js';
import { allContracts, validParams } from './test/contract-walk.js';
import { fieldsOf } from './test/sample-input.js';

/**
 * A personal access token without the `admin` scope acts with the member role only: an
 * administrator's, HR admin's or HRBP's everyday script token must not carry their powers.
 */

let t: TestApp;
/** Signed-in (session) clients: the people themselves. */
let admin: TestClient;
let hrAdmin: TestClient;
let hrbp: TestClient;
/** Write-only tokens (read + write, no admin scope). */
const writeToken: Record<'admin' | 'hrAdmin' | 'hrbp' | 'member', TestClient> = {} as never;
let fx: {
  departmentId: string;
  victimId: string;
  victimEmail: string;
  deactivatedId: string;
  inviteId: string;
  sessionId: string;
  tokenId: string;
  chatId: string;
  messageId: string;
};

async function writeOnly(client: TestClient): Promise<TestClient> {
  const { secret } = await client.api(createToken, { body: { name: 'script', scopes: ['read', 'write'] } });
  return t.client({ bearer: secret });
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await setupOrg(t)).admin;
  const departmentId = await department(admin, 'Manufacturing');
  hrAdmin = (await invitePerson(t, admin, { email: 'hr@acme.test', displayName: 'Hana', role: 'hr_admin' })).client;
  const bp = await person(t, admin, { displayName: 'Bao', email: 'hrbp@acme.test', role: 'hrbp' });
  await admin.api(setMemberRoles, {
    params: { userId: bp.id as never },
    body: { roles: ['hrbp'], scopeDepartmentIds: [departmentId as never] },
  });
  hrbp = bp.client;
  const mia = await person(t, admin, { displayName: 'Mia', email: 'mia@acme.test' });
  // The victim sits in the HRBP's department, so the HRBP's session may edit them.
  const victim = await person(t, admin, { displayName: 'Victor', email: 'victor@acme.test', departmentIds: [departmentId] });
  const gone = await person(t, admin, { displayName: 'Dora', email: 'dora@acme.test' });
  await admin.api(setMemberActive, { params: { userId: gone.id as never }, body: { status: 'deactivated' } });
  const invite = await admin.api(createInvite, { body: {} });
  const victimToken = await victim.client.api(createToken, { body: { name: 'victim', scopes: ['read'] } });
  const chat = await victim.client.api(createChat, { body: { kind: 'group', name: 'Victor alone', visibility: 'public' } });
  const message = await victim.client.api(sendMessage, {
    params: { chatId: chat.id },
    body: { clientId: 'c-1', kind: 'text', content: { text: 'private' } },
  });
  fx = {
    departmentId,
    victimId: victim.id,
    victimEmail: victim.email,
    deactivatedId: gone.id,
    inviteId: invite.invite.id,
    sessionId: (await victim.client.api(getMe)).sessionId as string,
    tokenId: victimToken.token.id,
    chatId: chat.id,
    messageId: message.id,
  };
  writeToken.admin = await writeOnly(admin);
  writeToken.hrAdmin = await writeOnly(hrAdmin);
  writeToken.hrbp = await writeOnly(hrbp);
  writeToken.member = await writeOnly(mia.client);
}, 60_000);
afterAll(async () => {
  await t.close();
});

/**
 * Where an elevated role would make a difference, ask for it: an admin invite, another person's
 * email, the deactivated, an announcement channel.
 */
const overrides: Record<string, { query?: Record<string, string>; body?: Record<string, unknown> }> = {
  'POST /api/invites': { body: { role: 'admin' } },
  'PATCH /api/members/:userId': { body: { email: 'taken-over@evil.test', title: 'Owned' } },
  'GET /api/members': { query: { status: 'deactivated' } },
  'POST /api/chats': { body: { kind: 'channel', name: 'Takeover' } },
};

/** The same request for every caller: real ids of other people's things where a path names one. */
function requestFor(c: Contract): { url: string; init: RequestInit } {
  const real: Record<string, string> = {
    userId: fx.victimId,
    departmentId: fx.departmentId,
    inviteId: fx.inviteId,
    sessionId: fx.sessionId,
    tokenId: fx.tokenId,
    chatId: fx.chatId,
    messageId: fx.messageId,
  };
  const names = [...c.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const params = { ...validParams(c), ...Object.fromEntries(names.filter((n) => n in real).map((n) => [n, real[n]])) };
  const extra = overrides[`${c.method} ${c.path}`] ?? {};
  const query = { ...fieldsOf(c.query).sample, ...extra.query };
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const url = `${buildPath(c.path, params)}${qs ? `?${qs}` : ''}`;
  if (c.method === 'GET') return { url, init: { method: c.method } };
  const body = { ...fieldsOf(c.body).sample, ...extra.body };
  return { url, init: { method: c.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } };
}

async function outcome(client: TestClient, c: Contract): Promise<string> {
  const { url, init } = requestFor(c);
  const res = await client.fetch(url, init);
  const text = await res.text();
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    // a binary or HTML answer: the status says enough
  }
  return `${res.status}${code ? ` ${code}` : ''}`;
}

describe('a token without the admin scope has a member’s rights only', () => {
  test('every endpoint answers an admin’s, HR admin’s and HRBP’s write-only token as it answers a member’s', async () => {
    const differences: string[] = [];
    let reachedUseCases = 0;
    for (const { contract } of allContracts()) {
      if (contract.auth === 'public') continue;
      const asMember = await outcome(writeToken.member, contract);
      if (!/^400 /.test(asMember)) reachedUseCases += 1;
      for (const holder of ['admin', 'hrAdmin', 'hrbp'] as const) {
        const asHolder = await outcome(writeToken[holder], contract);
        if (asHolder !== asMember) {
          differences.push(`${contract.method} ${contract.path}: member → ${asMember}, ${holder} → ${asHolder}`);
        }
      }
    }
    expect(differences).toEqual([]);
    // The walk means something only if most requests got past input validation to the rules.
    expect(reachedUseCases).toBeGreaterThan(40);
  });

  test('an admin’s write-only token cannot create or manage invites, an admin invite least of all', async () => {
    await expectCode(writeToken.admin.api(createInvite, { body: { role: 'admin' } }), 'auth.forbidden', 403);
    await expectCode(writeToken.admin.api(createInvite, { body: {} }), 'auth.forbidden', 403);
    await expectCode(writeToken.hrAdmin.api(createInvite, { body: {} }), 'auth.forbidden', 403);
    await expectCode(writeToken.admin.api(listInvites), 'auth.forbidden', 403);
    await expectCode(writeToken.admin.api(revokeInvite, { params: { inviteId: fx.inviteId as never } }), 'auth.forbidden');
    const invite = (await admin.api(listInvites)).items.find((i) => i.id === fx.inviteId);
    expect(invite?.status).toBe('pending');
    // The same person with the admin scope keeps every right: the rule is about the token, not the role.
    const { secret } = await admin.api(createToken, { body: { name: 'full', scopes: ['read', 'write', 'admin'] } });
    const created = await t.client({ bearer: secret }).api(createInvite, { body: { role: 'admin' } });
    expect(created.invite.role).toBe('admin');
  });

  test('write-only tokens of an admin, HR admin or HRBP cannot edit another person’s profile or email', async () => {
    for (const holder of ['admin', 'hrAdmin', 'hrbp'] as const) {
      await expectCode(
        writeToken[holder].api(updateMember, {
          params: { userId: fx.victimId as never },
          body: { email: `${holder}-owns-you@evil.test`, title: 'Owned' },
        }),
        'auth.forbidden',
        403,
      );
    }
    const card = await admin.api(getContactCard, { params: { userId: fx.victimId as never } });
    expect(card.member.email).toBe(fx.victimEmail);
    expect(card.member.title ?? null).toBeNull();
    // Their sessions still may: the HRBP edits someone in their department.
    await hrbp.api(updateMember, { params: { userId: fx.victimId as never }, body: { title: 'Line lead' } });
    await admin.api(updateMember, { params: { userId: fx.victimId as never }, body: { title: null } });
  });

  test('write-only tokens do not list deactivated people, nor read the audit log', async () => {
    for (const holder of ['admin', 'hrAdmin'] as const) {
      for (const status of ['deactivated', 'all'] as const) {
        await expectCode(writeToken[holder].api(searchMembers, { query: { status } }), 'auth.forbidden', 403);
      }
      const listed = await writeToken[holder].api(searchMembers, { query: {} });
      expect(listed.items.map((m) => m.id)).not.toContain(fx.deactivatedId);
    }
    const viaSession = await hrAdmin.api(searchMembers, { query: { status: 'deactivated' } });
    expect(viaSession.items.map((m) => m.id)).toContain(fx.deactivatedId);
    await expectCode(writeToken.admin.api(listAudit, { query: {} }), 'auth.token_scope', 403);
  });

  test('an admin’s write-only token cannot open an announcement channel', async () => {
    await expectCode(writeToken.admin.api(createChat, { body: { kind: 'channel', name: 'All hands' } }), 'auth.forbidden', 403);
  });
});
