import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { getPresence } from '../../shared/presence.js';
import type { TestApp } from '../test/harness.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../test/server-process.js';
import { openSocket, type TestSocket } from './test/test-socket.js';

// Presence pooled in Redis by two real server processes; node B is killed without a word and
// its people's sockets must stop counting within the presence TTL (three heartbeats).
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.MULTINODE_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const HEARTBEAT_SECONDS = 0.3;
let nodeA: ServerProcess | undefined;
let nodeB: ServerProcess | undefined;
let place: DataPlace | undefined;
const sockets: TestSocket[] = [];
const users: string[] = [];

const viaA = () => ({ client: () => processClient(nodeA!.baseUrl) }) as unknown as TestApp;

beforeAll(async () => {
  place = await freshDataPlace({ databaseUrl: DATABASE_URL });
  const env = { ...place.env, REDIS_URL, SKEIN_PRESENCE_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS) };
  nodeA = await startServerProcess(env);
  nodeB = await startServerProcess(env);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.allSettled([stopServerProcess(nodeA), stopServerProcess(nodeB)]);
  await place?.remove();
  if (users.length) {
    const redis = new Redis(REDIS_URL);
    await redis.del(...users.flatMap((id) => [`skein:rt:pr:u:${id}`, `skein:rt:pos:presence:${id}`]));
    redis.disconnect();
  }
});

async function socket(baseUrl: string, cookie: string): Promise<TestSocket> {
  const s = await openSocket(baseUrl, { cookie });
  sockets.push(s);
  return s;
}

describe('presence across two nodes', () => {
  test('sockets on both nodes add up, and a killed node’s sockets stop counting', async () => {
    const { admin } = await setupOrg(viaA());
    const bob = await invitePerson(viaA(), admin as never, { email: 'bob@acme.test', displayName: 'Bob' });
    const bobId = bob.me.user.id;
    users.push(bobId);
    const statusOf = async () => (await admin.api(getPresence, { query: { ids: bobId } })).people[0].status;
    const nextStatus = async (s: TestSocket, ms = 2000) => ((await s.next('event', ms))?.data as { status?: string })?.status;

    // The watcher is on node A; Bob's desk is on node B.
    const watcher = await socket(nodeA!.baseUrl, admin.cookieHeader());
    expect(await watcher.subscribe(`presence:${bobId}`)).toMatchObject({ type: 'subscribed' });
    const desk = await socket(nodeB!.baseUrl, bob.client.cookieHeader());
    expect(await nextStatus(watcher)).toBe('online');

    // His phone on node A goes idle: the desk on B is still active.
    const phone = await socket(nodeA!.baseUrl, bob.client.cookieHeader());
    phone.send({ type: 'presence', state: 'idle' });
    expect(await watcher.next('event', 500)).toBeUndefined();
    expect(await statusOf()).toBe('online');

    // Node B dies without closing anything: after three missed heartbeats only the idle phone is left.
    nodeB!.child.kill('SIGKILL');
    await nodeB!.exited;
    expect(await nextStatus(watcher, 5000)).toBe('away');
    expect(await statusOf()).toBe('away');

    phone.close();
    expect(await nextStatus(watcher)).toBe('offline');
    expect(await statusOf()).toBe('offline');
    desk.close();
  });
});
