import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, PASSWORD, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import {
  LOGIN_RATE_LIMIT,
  createToken,
  getMe,
  login,
  revokeSession,
  revokeToken,
  setMemberActive,
} from '../../../modules/accounts/shared/contract.js';
import { health, realtimeCheck } from '../../../modules/system/shared/contract.js';
import { type Api, createApi } from '../../shared/api-client.js';
import type { TestApp } from '../test/harness.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../test/server-process.js';
import { openSocket } from './test/test-socket.js';

// Two real server processes share one PostgreSQL schema and one Redis. Neither service is
// optional here: if Redis cannot be reached this file fails, it never skips.
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.MULTINODE_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let nodeA: ServerProcess | undefined;
let nodeB: ServerProcess | undefined;
let place: DataPlace | undefined;
let admin: { api: Api; cookieHeader(): string };
const topicsUsed: string[] = [];

/** The factories only need `client()`; here each client talks to node A. */
const viaA = () => ({ client: () => processClient(nodeA!.baseUrl) }) as unknown as TestApp;

beforeAll(async () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  } catch (err) {
    throw new Error(`multi-node tests need Redis at ${REDIS_URL}: ${err instanceof Error ? err.message : err}`);
  } finally {
    redis.disconnect();
  }

  await clearRateLimits();
  place = await freshDataPlace({ databaseUrl: DATABASE_URL });
  const env = { ...place.env, REDIS_URL };
  // One after the other: the first node runs the migrations, the second finds them done.
  nodeA = await startServerProcess(env);
  nodeB = await startServerProcess(env);
  // The organization is set up through node A's HTTP API.
  admin = (await setupOrg(viaA())).admin;
});

afterAll(async () => {
  await Promise.allSettled([stopServerProcess(nodeA), stopServerProcess(nodeB)]);
  await place?.remove();
  await clearRateLimits();
  if (topicsUsed.length) {
    const redis = new Redis(REDIS_URL);
    await redis.del(...topicsUsed.map((topic) => `skein:rt:pos:${topic}`));
    redis.disconnect();
  }
});

/** Rate-limit counters live in Redis for a minute; a rerun must not inherit the last run's. */
async function clearRateLimits() {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('skein:rl:*');
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

describe('rate limits across two nodes', () => {
  test('sign-in attempts from one address count on both nodes together', async () => {
    // Alternating nodes, the per-address limit is reached after LOGIN_RATE_LIMIT.max attempts in
    // total, where separate per-node counters would have allowed twice as many. Correct passwords,
    // so the failure counters in the database (which would lock this address for the tests that
    // follow) stay out of it: the first-line limit counts every request.
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_RATE_LIMIT.max + 4; i++) {
      const node = i % 2 === 0 ? nodeA! : nodeB!;
      const err = await processClient(node.baseUrl)
        .api(login, { body: { email: 'admin@acme.test', password: PASSWORD } })
        .then(() => ({ code: 'ok' }))
        .catch((e) => e);
      codes.push(err.code);
    }
    expect(codes.slice(0, LOGIN_RATE_LIMIT.max).every((c) => c === 'ok')).toBe(true);
    expect(codes.filter((c) => c === 'request.rate_limited').length).toBeGreaterThanOrEqual(4);
    await clearRateLimits();
  });
});

describe('realtime across two nodes (PostgreSQL + Redis)', () => {
  test('both nodes run on PostgreSQL and the Redis bus', async () => {
    for (const node of [nodeA!, nodeB!]) {
      expect(await createApi({ baseUrl: node.baseUrl })(health)).toMatchObject({ status: 'ok', db: 'postgres', bus: 'redis' });
    }
  });

  test('an event published on node A reaches a socket on node B, numbered in one sequence for both nodes', async () => {
    const bob = await invitePerson(viaA(), admin as never, { email: 'bob@acme.test', displayName: 'Bob' });
    const topic = `user:${bob.me.user.id}`;
    topicsUsed.push(topic);

    const onB = await openSocket(nodeB!.baseUrl, { cookie: bob.client.cookieHeader() });
    const onA = await openSocket(nodeA!.baseUrl, { cookie: bob.client.cookieHeader() });
    // One numbering for the cluster: both nodes name the same epoch, and events carry it.
    const onBSubscribed = await onB.subscribe(topic);
    expect(onBSubscribed).toEqual({ type: 'subscribed', topic, seq: 0, epoch: expect.any(String) });
    const epoch = onBSubscribed?.type === 'subscribed' ? onBSubscribed.epoch : 'missing';
    expect(await onA.subscribe(topic)).toEqual({ type: 'subscribed', topic, seq: 0, epoch });

    // Published by node A (the client calls A), delivered by node B.
    const first = await bob.client.api(realtimeCheck);
    expect(first).toEqual({ topic, seq: 1 });
    expect(await onB.next('event')).toMatchObject({ topic, seq: 1, epoch, data: { type: 'realtime.check' } });

    // Published by node B: the number continues from A's, and A's socket sees it too.
    const bobOnB = processClient(nodeB!.baseUrl);
    await bobOnB.api(login, { body: { email: 'bob@acme.test', password: PASSWORD } });
    expect(await bobOnB.api(realtimeCheck)).toEqual({ topic, seq: 2 });
    expect(await onB.next('event')).toMatchObject({ seq: 2 });
    expect((await onA.next('event'))?.seq).toBe(1);
    expect((await onA.next('event'))?.seq).toBe(2);
    onA.close();
    onB.close();
  });

  test('signing a session out on node A closes its socket on node B, and only that one', async () => {
    const carolLaptop = processClient(nodeA!.baseUrl);
    const carol = await invitePerson(viaA(), admin as never, { email: 'carol@acme.test', displayName: 'Carol' });
    await carolLaptop.api(login, { body: { email: 'carol@acme.test', password: PASSWORD } });
    const topic = `user:${carol.me.user.id}`;
    topicsUsed.push(topic);

    const phoneSocket = await openSocket(nodeB!.baseUrl, { cookie: carol.client.cookieHeader() });
    const laptopSocket = await openSocket(nodeB!.baseUrl, { cookie: carolLaptop.cookieHeader() });
    await phoneSocket.subscribe(topic);
    await laptopSocket.subscribe(topic);

    const phoneSession = (await carol.client.api(getMe)).sessionId!;
    await carolLaptop.api(revokeSession, { params: { sessionId: phoneSession } });
    expect(await phoneSocket.closed).toEqual({ code: 4000, reason: 'realtime.disconnected' });

    await carolLaptop.api(realtimeCheck);
    expect(await laptopSocket.next('event')).toMatchObject({ topic, data: { type: 'realtime.check' } });
    expect(laptopSocket.ws.readyState).toBe(laptopSocket.ws.OPEN);

    // Deactivated on node A: the remaining socket on node B closes too, and cannot come back.
    await admin.api(setMemberActive, { params: { userId: carol.me.user.id }, body: { status: 'deactivated' } });
    expect((await laptopSocket.closed).code).toBe(4000);
    const again = await openSocket(nodeB!.baseUrl, { cookie: carolLaptop.cookieHeader() });
    expect((await again.closed).code).toBe(4401);
  });

  test('revoking an access token on node A closes the socket it opened on node B, and only that one', async () => {
    const dave = await invitePerson(viaA(), admin as never, { email: 'dave@acme.test', displayName: 'Dave' });
    const topic = `user:${dave.me.user.id}`;
    topicsUsed.push(topic);
    const revoked = await dave.client.api(createToken, { body: { name: 'old script', scopes: ['read'] } });
    const kept = await dave.client.api(createToken, { body: { name: 'new script', scopes: ['read'] } });
    const revokedSocket = await openSocket(nodeB!.baseUrl, { bearer: revoked.secret });
    const keptSocket = await openSocket(nodeB!.baseUrl, { bearer: kept.secret });
    await revokedSocket.subscribe(topic);
    await keptSocket.subscribe(topic);

    await dave.client.api(revokeToken, { params: { tokenId: revoked.token.id } });
    expect(await revokedSocket.closed).toEqual({ code: 4000, reason: 'realtime.disconnected' });
    await dave.client.api(realtimeCheck);
    expect(await keptSocket.next('event')).toMatchObject({ topic, data: { type: 'realtime.check' } });
    expect(await revokedSocket.next('event', 200)).toBeUndefined();
    keptSocket.close();
  });
});
