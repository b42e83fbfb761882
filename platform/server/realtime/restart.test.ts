import { afterAll, expect, test } from 'vitest';
import { setupOrg } from '../../../modules/accounts/server/test/factories.js';
import type { TestApp } from '../test/harness.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../test/server-process.js';
import { followOwnTopic, freePort, until } from './test/restart-client.js';

// The in-process bus counts from 0 again after a restart, while an open tab still holds the
// numbers it saw before. The bus's epoch tells the client its old numbers mean nothing now.

let server: ServerProcess | undefined;
let place: DataPlace | undefined;

afterAll(async () => {
  await stopServerProcess(server);
  await place?.remove();
});

test('after the server restarts (in-process bus), a tab that stayed open receives new events instead of dropping them as seen', async () => {
  place = await freshDataPlace();
  const env = { ...place.env, PORT: String(await freePort()) };
  server = await startServerProcess(env);
  const baseUrl = server.baseUrl;
  const admin = processClient(baseUrl);
  const { me } = await setupOrg({ client: () => admin } as unknown as TestApp);
  const tab = followOwnTopic(baseUrl, `user:${me.user.id}`, admin.cookieHeader);
  await until(() => tab.confirmations() === 1);
  for (let i = 0; i < 3; i++) await tab.publishAndReceive(admin.api);
  expect(tab.client.lastSeq(`user:${me.user.id}`)).toBe(3);

  await stopServerProcess(server);
  server = await startServerProcess(env);
  expect(server.baseUrl).toBe(baseUrl);
  await until(() => tab.confirmations() === 2, 15_000, 'the client re-subscribed');
  // The new process numbers from 1 again; the client was told its numbers are void.
  expect(tab.gaps).toEqual([{ from: 0, to: 0, reason: 'restart' }]);

  const seq = await tab.publishAndReceive(admin.api);
  expect(seq).toBe(1);
  expect(tab.received).toEqual([1, 2, 3, 1]);
  expect(tab.gaps).toHaveLength(1);
  tab.client.close();
});
