import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { login } from '../shared/contract.js';
import { invitePerson, PASSWORD, setupOrg } from './test/factories.js';

/**
 * What attackers try against sign-in: racing the throttle with parallel guesses, and locking the
 * real person out by failing on purpose. The server trusts the test's proxy (127.0.0.1), so
 * X-Forwarded-For stands for the address each request comes from.
 */

let t: TestApp;
let people = 0;

beforeAll(async () => {
  t = await startTestApp({ SKEIN_TRUST_PROXY: '127.0.0.1' });
  await setupOrg(t);
});
afterAll(async () => {
  await t.close();
});

/** A new member to attack; returns their email. */
async function victim(): Promise<string> {
  people += 1;
  const email = `victim${people}@acme.test`;
  const admin = t.client();
  await admin.api(login, { body: { email: 'admin@acme.test', password: PASSWORD } });
  await invitePerson(t, admin, { email, displayName: `Victim ${people}` });
  return email;
}

let addresses = 0;
/** A fresh client address (so each story starts with no history). */
function address(): string {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

/** One sign-in attempt from an address: `ok` or the error code. */
async function signIn(from: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}${login.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });
  if (res.ok) return 'ok';
  return ((await res.json()) as { error: { code: string } }).error.code;
}

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('parallel guesses cannot outrun the throttle', () => {
  test('40 parallel wrong passwords from one address get at most 5 password checks', async () => {
    const email = await victim();
    const from = address();
    const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(from, email, `wrong-${i}`)));
    // Only an attempt whose password was checked can answer invalid_credentials.
    expect(count(codes, 'auth.invalid_credentials')).toBe(5);
    expect(count(codes, 'auth.too_many_attempts') + count(codes, 'request.rate_limited')).toBe(35);
  });

  test('the right password hidden among 30 parallel guesses does not get in', async () => {
    const email = await victim();
    const from = address();
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 15 ? PASSWORD : `wrong-${i}`));
    const codes = await Promise.all(guesses.map((password) => signIn(from, email, password)));
    expect(codes).not.toContain('ok');
    expect(count(codes, 'auth.invalid_credentials')).toBeLessThanOrEqual(5);
  });
});

describe('failing on purpose does not lock the real person out', () => {
  test('the victim signs in from their own address while the attacker’s address is locked out', async () => {
    const email = await victim();
    const attacker = address();
    for (let i = 0; i < 5; i++) expect(await signIn(attacker, email, `wrong-${i}`)).toBe('auth.invalid_credentials');
    expect(await signIn(attacker, email, 'wrong-again')).toBe('auth.too_many_attempts');
    expect(await signIn(attacker, email, PASSWORD)).toBe('auth.too_many_attempts');
    expect(await signIn(address(), email, PASSWORD)).toBe('ok');
    // Signing in there did not unlock the attacker.
    expect(await signIn(attacker, email, PASSWORD)).toBe('auth.too_many_attempts');
  });

  test('guesses spread over many addresses hit the per-account limit; an address the victim used before still gets in', async () => {
    const email = await victim();
    const home = address();
    expect(await signIn(home, email, PASSWORD)).toBe('ok');
    // 11 addresses × 5 wrong passwords: no address reaches its own limit, the account reaches 50.
    const botnet = Array.from({ length: 11 }, () => address());
    for (const bot of botnet) {
      const codes = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(bot, email, `wrong-${i}`)));
      for (const c of codes) expect(['auth.invalid_credentials', 'auth.too_many_attempts']).toContain(c);
    }
    // A new address, even with the right password, waits; the victim's usual address does not.
    expect(await signIn(address(), email, PASSWORD)).toBe('auth.too_many_attempts');
    expect(await signIn(home, email, PASSWORD)).toBe('ok');
    // The victim's success did not reopen the account to the attackers.
    expect(await signIn(address(), email, 'one-more-guess')).toBe('auth.too_many_attempts');
  });

  test('a success clears its own address’s count, so a typo streak does not add up over the day', async () => {
    const email = await victim();
    const from = address();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await signIn(from, email, `typo-${i}`)).toBe('auth.invalid_credentials');
      expect(await signIn(from, email, PASSWORD)).toBe('ok');
    }
  });
});
