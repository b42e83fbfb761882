import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { resolveCaller } from '../../../modules/accounts/server/index.js';
import type { UserId } from '../../shared/ids.js';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { createHub } from './create-hub.js';
import type { RealtimeHub } from './hub.js';
import { openSocket } from './test/test-socket.js';

// A hub built directly, with a test-only `room` prefix whose membership the test controls,
// served next to the real app and resolving callers against its database.
const members = new Set<string>();
let gate: Promise<void> | undefined;
let failNext = false;

let t: TestApp;
let hub: RealtimeHub;
let server: FastifyInstance;
let url: string;
let alice: TestClient;
let aliceId: UserId;
let bob: TestClient;
let bobId: UserId;

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
  aliceId = org.me.user.id as UserId;
  const b = await invitePerson(t, alice, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  bobId = b.me.user.id as UserId;

  hub = await createHub({
    heartbeatMs: 150,
    authorizers: {
      room: async (caller, roomId) => {
        if (gate) await gate;
        if (failNext) {
          failNext = false;
          throw new Error('database went away');
        }
        return members.has(`${roomId}/${caller.userId}`);
      },
    },
  });
  server = Fastify({ logger: false });
  await server.register(cookie);
  await server.register(websocket);
  hub.register(server, { ...t.app.ctx, hub }, (req) => resolveCaller(t.app.ctx, req));
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await server?.close();
  await hub?.close();
  await t?.close();
});

describe('realtime: topics owned by a module', () => {
  test('only members may follow a room; after their membership is revoked they get nothing more', async () => {
    const bobSocket = await openSocket(url, { cookie: bob.cookieHeader() });
    const aliceSocket = await openSocket(url, { cookie: alice.cookieHeader() });
    expect(await bobSocket.subscribe('room:r1')).toEqual({ type: 'error', topic: 'room:r1', code: 'realtime.forbidden' });

    members.add(`r1/${bobId}`);
    members.add(`r1/${aliceId}`);
    const epoch = expect.any(String);
    expect(await bobSocket.subscribe('room:r1')).toEqual({ type: 'subscribed', topic: 'room:r1', seq: 0, epoch });
    expect(await aliceSocket.subscribe('room:r1')).toEqual({ type: 'subscribed', topic: 'room:r1', seq: 0, epoch });
    await hub.publish('room:r1', { text: 'welcome' });
    expect(await bobSocket.next('event')).toMatchObject({ seq: 1, data: { text: 'welcome' } });
    expect(await aliceSocket.next('event')).toMatchObject({ seq: 1 });

    members.delete(`r1/${bobId}`);
    await hub.revoke('room:r1', bobId);
    expect(await bobSocket.next()).toEqual({ type: 'revoked', topic: 'room:r1' });
    await hub.publish('room:r1', { text: 'bob is gone' });
    expect(await aliceSocket.next('event')).toMatchObject({ seq: 2, data: { text: 'bob is gone' } });
    expect(await bobSocket.next('event', 200)).toBeUndefined();
    // Asking again is checked again.
    expect(await bobSocket.subscribe('room:r1')).toMatchObject({ type: 'error', code: 'realtime.forbidden' });
    bobSocket.close();
    aliceSocket.close();
  });

  test('a revoke that lands while the membership check is still running wins', async () => {
    members.add(`r2/${bobId}`);
    let release!: () => void;
    gate = new Promise((r) => {
      release = r;
    });
    const socket = await openSocket(url, { cookie: bob.cookieHeader() });
    socket.send({ type: 'subscribe', topic: 'room:r2' });
    await new Promise((r) => setTimeout(r, 50));
    members.delete(`r2/${bobId}`);
    await hub.revoke('room:r2', bobId);
    gate = undefined;
    release();
    expect(await socket.next()).toEqual({ type: 'revoked', topic: 'room:r2' });
    await hub.publish('room:r2', { text: 'private' });
    expect(await socket.next(undefined, 200)).toBeUndefined();
    socket.close();
  });

  test('a failing membership check is reported as a server error, and the socket stays usable', async () => {
    failNext = true;
    members.add(`r3/${bobId}`);
    const socket = await openSocket(url, { cookie: bob.cookieHeader() });
    expect(await socket.subscribe('room:r3')).toEqual({ type: 'error', topic: 'room:r3', code: 'realtime.internal' });
    expect(await socket.subscribe('room:r3')).toMatchObject({ type: 'subscribed' });
    socket.close();
  });

  test('a client that stops answering pings is cut off; a live one stays', async () => {
    const dead = await openSocket(url, { cookie: bob.cookieHeader(), autoPong: false });
    const live = await openSocket(url, { cookie: bob.cookieHeader() });
    expect((await dead.closed).code).toBe(1006);
    await new Promise((r) => setTimeout(r, 400));
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    live.close();
  });
});
