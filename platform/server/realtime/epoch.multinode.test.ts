import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

// The Redis bus keeps its numbers in Redis: they survive an app restart, but not Redis losing
// its data. This file owns one Redis database of its own (pub/sub channels are shared by all
// databases, but its topics are its own users'), so flushing it touches no other test's keys.
const BASE_URL = process.env.MULTINODE_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DB = 11;
const REDIS_URL = (() => {
  const u = new URL(BASE_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();

let redis: Redis;
let server: ServerProcess | undefined;
let place: DataPlace | undefined;
let env: Record<string, string>;
let admin: ReturnType<typeof processClient>;
let topic: string;
let tab: ReturnType<typeof followOwnTopic>;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    throw new Error(`this test needs Redis at ${REDIS_URL}: ${err instanceof Error ? err.message : err}`);
  }
  await redis.flushdb();
  place = await freshDataPlace();
  env = { ...place.env, REDIS_URL, PORT: String(await freePort()) };
  server = await startServerProcess(env);
  admin = processClient(server.baseUrl);
  const { me } = await setupOrg({ client: () => admin } as unknown as TestApp);
  topic = `user:${me.user.id}`;
  tab = followOwnTopic(server.baseUrl, topic, admin.cookieHeader);
  await until(() => tab.confirmations() === 1);
});

afterAll(async () => {
  tab?.client.close();
  await stopServerProcess(server);
  await place?.remove();
  await redis?.flushdb();
  redis?.disconnect();
});

describe('sequence numbers on the Redis bus', () => {
  test('after an app restart the numbers carry on: the open tab sees no gap and gets the next event', async () => {
    expect(await tab.publishAndReceive(admin.api)).toBe(1);
    expect(await tab.publishAndReceive(admin.api)).toBe(2);

    await stopServerProcess(server);
    server = await startServerProcess(env);
    await until(() => tab.confirmations() === 2, 15_000, 'the client re-subscribed');
    expect(await tab.publishAndReceive(admin.api)).toBe(3);
    expect(tab.gaps).toEqual([]);
  });

  test('when Redis loses its data, the next event still reaches the open tab, which is told to refetch', async () => {
    await redis.flushdb();
    // Counted from 1 again, under a new epoch: delivered, not dropped as "already seen".
    expect(await tab.publishAndReceive(admin.api)).toBe(1);
    expect(tab.gaps).toEqual([{ from: 0, to: 0, reason: 'restart' }]);
    expect(await tab.publishAndReceive(admin.api)).toBe(2);
    expect(tab.gaps).toHaveLength(1);
    expect(tab.received).toEqual([1, 2, 3, 1, 2]);
  });
});
