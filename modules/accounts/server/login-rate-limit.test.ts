import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiError } from '../../../platform/shared/api-client.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { login } from '../shared/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

test('one address guessing at many accounts is slowed down with 429 request.rate_limited', async () => {
  const guesser = t.client();
  const codes: string[] = [];
  for (let i = 0; i < 25; i++) {
    const err = await guesser.api(login, { body: { email: `user${i}@acme.test`, password: 'guess' } }).catch((e) => e);
    codes.push((err as ApiError).code);
  }
  // Each email is tried once, so per-account locking never triggers: only the per-address limit can.
  expect(codes.slice(0, 20).every((c) => c === 'auth.invalid_credentials')).toBe(true);
  expect(codes.slice(20)).toEqual(Array(5).fill('request.rate_limited'));
});
