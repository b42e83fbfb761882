import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { release, reserve, reserveSignIn, settleSuccessfulSignIn, throttlePolicies } from './login-throttle.js';
import type { AccountsDb } from './tables.js';

/** The counters themselves, on the real database, with the clock passed in. */

let t: TestApp;
let db: AccountsDb;
beforeAll(async () => {
  t = await startTestApp();
  db = t.app.ctx.db;
});
afterAll(async () => {
  await t.close();
});

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9);

describe('one counter', () => {
  test('after the free attempts each further one waits longer: 1, 2, 4, 8, then 15 minutes', async () => {
    const policy = throttlePolicies.pair;
    let now = T0;
    for (let i = 0; i < policy.free; i++) expect(await reserve(db, 'k:grow', policy, now)).toBeNull();
    const waits: number[] = [];
    for (let step = 0; step < 6; step++) {
      const until = await reserve(db, 'k:grow', policy, now);
      expect(until).not.toBeNull();
      waits.push(((until as number) - now) / MINUTE);
      now = until as number;
      // Exactly when the lock ends, one more attempt is counted (and sets the next, longer lock).
      expect(await reserve(db, 'k:grow', policy, now)).toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
  });

  test('refused attempts do not count: hammering a lock does not lengthen it', async () => {
    const policy = throttlePolicies.pair;
    for (let i = 0; i < policy.free; i++) await reserve(db, 'k:hammer', policy, T0);
    for (let i = 0; i < 20; i++) expect(await reserve(db, 'k:hammer', policy, T0 + i * 1000)).toBe(T0 + MINUTE);
  });

  test('an hour without attempts forgets the count', async () => {
    const policy = throttlePolicies.pair;
    for (let i = 0; i < policy.free; i++) await reserve(db, 'k:forget', policy, T0);
    const later = T0 + policy.forgetMs;
    for (let i = 0; i < policy.free; i++) expect(await reserve(db, 'k:forget', policy, later)).toBeNull();
    expect(await reserve(db, 'k:forget', policy, later)).toBe(later + MINUTE);
  });

  test('giving an attempt back lifts only the lock that attempt set', async () => {
    const policy = throttlePolicies.account;
    for (let i = 0; i < policy.free; i++) await reserve(db, 'k:release', policy, T0);
    expect(await reserve(db, 'k:release', policy, T0)).toBe(T0 + MINUTE);
    await release(db, 'k:release', policy);
    expect(await reserve(db, 'k:release', policy, T0)).toBeNull();
  });
});

describe('a sign-in', () => {
  test('one address failing on 100 accounts is stopped for every account', async () => {
    for (let i = 0; i < throttlePolicies.address.free; i++) await reserveSignIn(db, `a${i}@acme.test`, '192.0.2.9', false, T0);
    await expect(reserveSignIn(db, 'fresh@acme.test', '192.0.2.9', false, T0)).rejects.toMatchObject({
      code: 'auth.too_many_attempts',
      status: 429,
      params: { minutes: 1 },
    });
    // Another address is not affected.
    await reserveSignIn(db, 'fresh@acme.test', '192.0.2.10', false, T0);
  });

  test('success clears the address’s streak on the account but gives back only one attempt elsewhere', async () => {
    const subject = 'success@acme.test';
    for (let i = 0; i < 4; i++) await reserveSignIn(db, subject, '192.0.2.20', false, T0);
    const ok = await reserveSignIn(db, subject, '192.0.2.20', false, T0);
    await settleSuccessfulSignIn(db, ok);
    const rows = await db.selectFrom('acc_login_throttle').selectAll().where('key', 'like', `%${subject}%`).execute();
    const byKey = Object.fromEntries(rows.map((r) => [r.key.split(':')[0], r.failures]));
    expect(byKey).toEqual({ account: 4 });
  });

  test('a known address does not count against the account', async () => {
    const subject = 'known@acme.test';
    await reserveSignIn(db, subject, '192.0.2.30', true, T0);
    const keys = (await db.selectFrom('acc_login_throttle').select('key').where('key', 'like', `%${subject}%`).execute()).map(
      (r) => r.key,
    );
    expect(keys).toEqual([`pair:${subject}|192.0.2.30`]);
  });
});
