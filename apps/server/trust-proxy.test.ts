import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setupOrg } from '../../modules/accounts/server/test/factories.js';
import { LOGIN_RATE_LIMIT, createInvite, listSessions } from '../../modules/accounts/shared/contract.js';
import { listAudit } from '../../modules/audit/shared/contract.js';
import { startTestApp, type TestApp, type TestClient } from '../../platform/server/test/harness.js';

/**
 * X-Forwarded-* headers are anybody's to write. Unless SKEIN_TRUST_PROXY names the proxy that
 * sets them, they must not change the address Skein records and limits, nor the host the origin
 * check accepts.
 */

async function codeOf(res: Response): Promise<string | undefined> {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** Signs the admin in with a forwarded address; returns the session's recorded address. */
async function signInFrom(t: TestApp, forwardedFor: string): Promise<string | null> {
  const res = await fetch(`${t.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: 'admin@acme.test', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  const sessions = await (await fetch(`${t.baseUrl}${listSessions.path}`, { headers: { cookie } })).json();
  return (sessions as { items: { current: boolean; ip: string | null }[] }).items.find((s) => s.current)?.ip ?? null;
}

/** A cookie-authenticated POST whose Origin names `host`, with X-Forwarded-Host claiming the same. */
async function postWithForwardedHost(admin: TestClient, host: string): Promise<Response> {
  return admin.fetch('/api/invites', {
    method: 'POST',
    headers: { origin: `https://${host}`, 'x-forwarded-host': host, 'content-type': 'application/json' },
    body: '{}',
  });
}

/** 25 sign-ins at different accounts, each with a new forwarded address; the codes answered. */
async function rotatingGuesses(t: TestApp): Promise<string[]> {
  const codes: string[] = [];
  // One past the per-address request limit, each from a different claimed address.
  for (let i = 0; i < LOGIN_RATE_LIMIT.max + 5; i++) {
    const res = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${i >> 8}.${(i & 255) + 1}` },
      body: JSON.stringify({ email: `user${i}@acme.test`, password: 'guess' }),
    });
    codes.push((await codeOf(res)) ?? String(res.status));
  }
  return codes;
}

describe('by default (no SKEIN_TRUST_PROXY) forwarded headers are ignored', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await setupOrg(t)).admin;
  });
  afterAll(async () => {
    await t.close();
  });

  test('a forged X-Forwarded-For appears neither in the session list nor in the audit log', async () => {
    const ip = await signInFrom(t, '198.51.100.7');
    expect(ip).toBe('127.0.0.1');
    await admin.api(createInvite, { body: {} });
    const res = await admin.fetch('/api/invites', {
      method: 'POST',
      headers: { 'x-forwarded-for': '198.51.100.8', 'content-type': 'application/json', origin: t.baseUrl },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const audit = await admin.api(listAudit, { query: { action: 'invite.created' } });
    expect(audit.items.map((e) => e.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  test('a rotating X-Forwarded-For does not escape the per-address sign-in limit', async () => {
    const codes = await rotatingGuesses(t);
    expect(codes.slice(LOGIN_RATE_LIMIT.max)).toEqual(Array(5).fill('request.rate_limited'));
  });

  test('X-Forwarded-Host does not satisfy the origin check', async () => {
    const res = await postWithForwardedHost(admin, 'evil.example');
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe('auth.origin_mismatch');
  });
});

describe('with SKEIN_TRUST_PROXY naming the proxy, its forwarded headers count', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await startTestApp({ SKEIN_TRUST_PROXY: '127.0.0.1' });
    admin = (await setupOrg(t)).admin;
  });
  afterAll(async () => {
    await t.close();
  });

  test('the client address the proxy forwards is the one recorded', async () => {
    const ip = await signInFrom(t, '198.51.100.7');
    expect(ip).toBe('198.51.100.7');
    const res = await admin.fetch('/api/invites', {
      method: 'POST',
      headers: { 'x-forwarded-for': '198.51.100.8', 'content-type': 'application/json', origin: t.baseUrl },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const audit = await admin.api(listAudit, { query: { action: 'invite.created' } });
    expect(audit.items[0].ip).toBe('198.51.100.8');
  });

  test('the per-address sign-in limit counts each forwarded client separately', async () => {
    const codes = await rotatingGuesses(t);
    expect(codes.every((c) => c === 'auth.invalid_credentials')).toBe(true);
  });

  test('the public host the proxy forwards satisfies the origin check', async () => {
    const res = await postWithForwardedHost(admin, 'skein.example.com');
    expect(res.status).toBe(201);
  });
});

describe('with SKEIN_TRUST_PROXY=1 (a hop count), the nearest hop is the proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SKEIN_TRUST_PROXY: '1' });
    await setupOrg(t);
  });
  afterAll(async () => {
    await t.close();
  });

  test('the address the proxy appended counts, not what the client wrote before it', async () => {
    expect(await signInFrom(t, '203.0.113.50, 198.51.100.9')).toBe('198.51.100.9');
  });
});
