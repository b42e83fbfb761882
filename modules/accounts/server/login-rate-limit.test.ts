import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiError } from '../../../platform/shared/api-client.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { LOGIN_RATE_LIMIT, login } from '../shared/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

test('one address guessing at many accounts: locked after 100 failures, then rate-limited with 429 at the first line', async () => {
  const guesser = t.client();
  const codes: string[] = [];
  for (let i = 0; i < LOGIN_RATE_LIMIT.max + 5; i++) {
    const err = await guesser.api(login, { body: { email: `user${i}@acme.test`, password: 'guess' } }).catch((e) => e);
    codes.push((err as ApiError).code);
  }
  // Each email is tried once, so per-account locking never triggers: the address counter does
  // (docs/adr/0009), and past the per-address request limit nothing is even hashed.
  expect(codes.slice(0, 100).every((c) => c === 'auth.invalid_credentials')).toBe(true);
  expect(codes.slice(100, LOGIN_RATE_LIMIT.max).every((c) => c === 'auth.too_many_attempts')).toBe(true);
  expect(codes.slice(LOGIN_RATE_LIMIT.max)).toEqual(Array(5).fill('request.rate_limited'));
});
