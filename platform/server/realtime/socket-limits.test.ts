import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { resolveCaller } from '../../../modules/accounts/server/index.js';
import { CLOSE_CODES } from '../../shared/realtime-protocol.js';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { createHub } from './create-hub.js';
import type { RealtimeHub } from './hub.js';
import { openSocket } from './test/test-socket.js';

// What one abusive socket can cost everybody else: a frame flood is cut off with its own close
// code (and what it already sent is not worked through), a flood of subscriptions to topics
// the caller may not read never runs more than a few membership checks at once.

let t: TestApp;
let alice: TestClient;
let aliceId: string;
let bob: TestClient;
let bobId: string;

// A second hub on the same app, with a slow `room` check that counts how many run at once.
const MAX_PENDING = 8;
let hub: RealtimeHub;
let server: FastifyInstance;
let url: string;
let running = 0;
let mostRunning = 0;
let checksRun = 0;

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
  aliceId = org.me.user.id;
  const b = await invitePerson(t, alice, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  bobId = b.me.user.id;

  hub = await createHub({
    limits: { maxPendingChecks: MAX_PENDING },
    authorizers: {
      room: async (caller, roomId) => {
        running++;
        checksRun++;
        mostRunning = Math.max(mostRunning, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return roomId === 'open' || roomId === `own-${caller.userId}`;
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

describe('realtime: one socket cannot wear the server down', () => {
  test('a socket flooding frames is closed with 4029, the rest of its flood is ignored, and other people keep receiving', async () => {
    const honest = await openSocket(t.baseUrl, { cookie: alice.cookieHeader() });
    expect(await honest.subscribe(`user:${aliceId}`)).toMatchObject({ type: 'subscribed' });

    const flooder = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    let pongs = 0;
    flooder.ws.on('message', (data) => {
      if (String(data) === '{"type":"pong"}') pongs++;
    });
    const sent = 20_000;
    for (let i = 0; i < sent; i++) flooder.send({ type: 'ping' });

    const closedSoon = Promise.race([flooder.closed, new Promise((r) => setTimeout(() => r('still open'), 5000))]);
    expect(await closedSoon).toEqual({ code: CLOSE_CODES.rateLimited, reason: 'realtime.rate_limited' });
    // Answered only up to the budget: the frames already on the wire after the decision were dropped.
    expect(pongs).toBeGreaterThan(0);
    expect(pongs).toBeLessThan(2_000);

    const seq = await t.app.ctx.hub.publish(`user:${aliceId}`, { kind: 'after the flood' });
    expect(await honest.next('event')).toMatchObject({ seq, data: { kind: 'after the flood' } });
    expect((await fetch(`${t.baseUrl}/api/health`)).status).toBe(200);
    honest.close();
  });

  test('a web client subscribing to hundreds of chats at once is served in full', async () => {
    const socket = await openSocket(url, { cookie: alice.cookieHeader() });
    const topics = Array.from({ length: 400 }, (_, i) => (i === 0 ? 'room:open' : `room:chat-${i}`));
    for (const topic of topics) socket.send({ type: 'subscribe', topic });
    const answers = [];
    for (let i = 0; i < topics.length; i++) answers.push(await socket.next());
    expect(answers[0]).toMatchObject({ type: 'subscribed', topic: 'room:open' });
    expect(answers.slice(1).every((a) => a?.type === 'error' && a.code === 'realtime.forbidden')).toBe(true);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    socket.close();
  });

  test('a flood of subscriptions to forbidden topics never runs more than the cap of checks at once', async () => {
    mostRunning = 0;
    checksRun = 0;
    const socket = await openSocket(url, { cookie: bob.cookieHeader() });
    const flood = 900;
    for (let i = 0; i < flood; i++) socket.send({ type: 'subscribe', topic: `room:secret-${i}` });
    let refused = 0;
    while (refused < flood) {
      const answer = await socket.next('error');
      if (!answer) break;
      expect(answer.code).toBe('realtime.forbidden');
      refused++;
    }
    expect(refused).toBe(flood);
    expect(checksRun).toBe(flood);
    expect(mostRunning).toBeGreaterThan(1);
    expect(mostRunning).toBeLessThanOrEqual(MAX_PENDING);

    // The socket still works: its own room is granted.
    expect(await socket.subscribe(`room:own-${bobId}`)).toMatchObject({ type: 'subscribed' });
    socket.close();
  });
});
