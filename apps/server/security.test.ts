import { expectCode } from '../../platform/server/test/expect-code.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../platform/server/test/harness.js';
import { createInvite, createToken, listInvites, listTokens } from '../../modules/accounts/shared/contract.js';
import { invitePerson, setupOrg } from '../../modules/accounts/server/test/factories.js';
import { multipartBody } from '../../modules/files/server/test/factories.js';
import { allContracts, urlOf } from './test/contract-walk.js';

let t: TestApp;
let admin: TestClient;
let member: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await setupOrg(t)).admin;
  member = (await invitePerson(t, admin, { email: 'member@acme.test', displayName: 'Plain Member' })).client;
});
afterAll(async () => {
  await t.close();
});

async function codeOf(res: Response): Promise<string | undefined> {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

describe('every endpoint guards itself', () => {
  test('without a session, every non-public endpoint answers 401 auth.required', async () => {
    const guarded = allContracts().filter(({ contract }) => contract.auth !== 'public');
    // The walk must see the modules' endpoints, not an empty list.
    expect([...new Set(guarded.map((g) => g.module))]).toEqual(expect.arrayContaining(['accounts', 'files']));
    expect(guarded.length).toBeGreaterThan(15);
    const anon = t.client();
    const wrong: string[] = [];
    for (const { module, contract } of guarded) {
      const res = await anon.fetch(urlOf(contract), { method: contract.method });
      const code = await codeOf(res);
      if (res.status !== 401 || code !== 'auth.required')
        wrong.push(`${module} ${contract.method} ${contract.path} → ${res.status} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  test('a revoked or made-up credential is as good as none', async () => {
    const forged = t.client({ bearer: 'skp_not-a-real-token' });
    const res = await forged.fetch('/api/auth/me');
    expect(res.status).toBe(401);
    const cookie = await t.client().fetch('/api/auth/me', { headers: { cookie: 'skein_session=forged' } });
    expect(cookie.status).toBe(401);
  });

  test('a plain member gets 403 on every admin endpoint and on admin-only use cases', async () => {
    const adminOnly = allContracts().filter(({ contract }) => contract.auth === 'admin');
    expect(adminOnly.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const { module, contract } of adminOnly) {
      const res = await member.fetch(urlOf(contract), { method: contract.method });
      const code = await codeOf(res);
      if (res.status !== 403 || code !== 'auth.forbidden')
        wrong.push(`${module} ${contract.method} ${contract.path} → ${res.status} ${code}`);
    }
    expect(wrong).toEqual([]);

    // Endpoints open to members whose use case is for administrators only.
    await expectCode(member.api(createInvite, { body: {} }), 'auth.forbidden');
    await expectCode(member.api(listInvites), 'auth.forbidden');
    await expectCode(
      member.api(createToken, { body: { name: 'escalate', scopes: ['admin'] } }),
      'auth.admin_scope_forbidden',
      403,
    );
  });

  test('an access token cannot do more than its scopes allow', async () => {
    const { secret } = await member.api(createToken, { body: { name: 'reader', scopes: ['read'] } });
    const reader = t.client({ bearer: secret });
    const writes = allContracts().filter(({ contract }) => contract.auth === 'member' && contract.method !== 'GET');
    const wrong: string[] = [];
    for (const { module, contract } of writes) {
      const res = await reader.fetch(urlOf(contract), { method: contract.method });
      const code = await codeOf(res);
      if (res.status !== 403 || code !== 'auth.token_scope')
        wrong.push(`${module} ${contract.method} ${contract.path} → ${res.status} ${code}`);
    }
    expect(wrong).toEqual([]);
    expect((await reader.fetch('/api/auth/me')).status).toBe(200);

    // An administrator's write token still is not an admin token.
    const { secret: adminWrite } = await admin.api(createToken, { body: { name: 'ci', scopes: ['write'] } });
    const writer = t.client({ bearer: adminWrite });
    for (const { contract } of allContracts().filter(({ contract }) => contract.auth === 'admin')) {
      const res = await writer.fetch(urlOf(contract), { method: contract.method });
      expect(res.status, `${contract.method} ${contract.path}`).toBe(403);
      expect(await codeOf(res)).toBe('auth.token_scope');
    }
  });
});

describe('cross-site requests', () => {
  test('a cookie-authenticated POST from another site is refused and changes nothing', async () => {
    const before = (await member.api(listTokens)).items.length;
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const res = await member.fetch('/api/auth/tokens', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'csrf', scopes: ['write'] }),
      });
      expect(res.status, origin).toBe(403);
      expect(await codeOf(res)).toBe('auth.origin_mismatch');
    }
    expect((await member.api(listTokens)).items.length).toBe(before);

    // The same request from our own origin goes through.
    const same = await member.fetch('/api/auth/tokens', {
      method: 'POST',
      headers: { origin: t.baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'same-site', scopes: ['read'] }),
    });
    expect(same.status).toBe(201);
  });

  test('a bearer token is not ambient, so its requests are not origin-checked', async () => {
    const { secret } = await member.api(createToken, { body: { name: 'script', scopes: ['write'] } });
    const { body, contentType } = multipartBody('from-ci.txt', Buffer.from('build log'));
    const res = await t.client({ bearer: secret }).fetch('/api/files', {
      method: 'POST',
      headers: { origin: 'https://ci.example', 'content-type': contentType },
      body,
    });
    expect(res.status).toBe(201);
  });
});

describe('security headers', () => {
  test('every kind of response carries CSP and nosniff', async () => {
    const anon = t.client();
    const responses = await Promise.all([
      anon.fetch('/api/health'),
      anon.fetch('/api/nope'),
      anon.fetch('/api/auth/me'),
      anon.fetch('/api/docs'),
      member.fetch('/api/auth/me'),
      member.fetch('/api/auth/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ]);
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, res.url).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  test('the session cookie is httpOnly and SameSite', async () => {
    const res = await t.client().fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'member@acme.test', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('skein_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
