import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, PASSWORD, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { createToken, getMe, login, revokeSession, setMemberActive } from '../../../modules/accounts/shared/contract.js';
import { realtimeCheck } from '../../../modules/system/shared/contract.js';
import { createRealtimeClient, type RealtimeStatus } from '../../client/ws-client.js';
import type { UserId } from '../../shared/ids.js';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { openSocket } from './test/test-socket.js';

let t: TestApp;
let admin: TestClient;
let adminId: UserId;
let bob: TestClient;
let bobId: UserId;

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  admin = org.admin;
  adminId = org.me.user.id as UserId;
  const b = await invitePerson(t, admin, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  bobId = b.me.user.id as UserId;
});
afterAll(async () => {
  await t?.close();
});

const publish = (topic: string, data: unknown) => t.app.ctx.hub.publish(topic, data);

/** Waits until `check` holds (client callbacks arrive asynchronously). */
async function until(check: () => boolean, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('realtime: who may listen', () => {
  test('a member receives what is published to their own user topic, and nothing of anybody else', async () => {
    const socket = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    const subscribed = await socket.subscribe(`user:${bobId}`);
    expect(subscribed).toMatchObject({ type: 'subscribed', topic: `user:${bobId}`, epoch: expect.any(String) });

    const seq = await publish(`user:${bobId}`, { kind: 'notice', text: '你好' });
    expect(await socket.next('event')).toEqual({
      type: 'event',
      topic: `user:${bobId}`,
      seq,
      epoch: subscribed?.type === 'subscribed' ? subscribed.epoch : 'missing',
      data: { kind: 'notice', text: '你好' },
    });

    expect(await socket.subscribe(`user:${adminId}`)).toEqual({
      type: 'error',
      topic: `user:${adminId}`,
      code: 'realtime.forbidden',
    });
    expect(await socket.subscribe('nobody_owns_this:123')).toMatchObject({ type: 'error', code: 'realtime.forbidden' });
    await publish(`user:${adminId}`, { kind: 'secret' });
    expect(await socket.next('event', 200)).toBeUndefined();
    socket.close();
  });

  test('the connection check reaches only the caller’s own sockets', async () => {
    const bobSocket = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    const adminSocket = await openSocket(t.baseUrl, { cookie: admin.cookieHeader() });
    await bobSocket.subscribe(`user:${bobId}`);
    await adminSocket.subscribe(`user:${adminId}`);
    const { topic, seq } = await bob.api(realtimeCheck);
    expect(topic).toBe(`user:${bobId}`);
    expect(await bobSocket.next('event')).toMatchObject({ topic, seq, data: { type: 'realtime.check' } });
    expect(await adminSocket.next('event', 200)).toBeUndefined();
    bobSocket.close();
    adminSocket.close();
  });

  test('an anonymous socket, or one with a made-up cookie, is closed as unauthorized', async () => {
    const anonymous = await openSocket(t.baseUrl);
    expect(await anonymous.closed).toEqual({ code: 4401, reason: 'realtime.unauthorized' });
    const forged = await openSocket(t.baseUrl, { cookie: 'skein_session=forged' });
    expect((await forged.closed).code).toBe(4401);
  });

  test("a page on another site cannot open a socket with the member's cookie; an access token works anywhere", async () => {
    await expect(openSocket(t.baseUrl, { cookie: bob.cookieHeader(), origin: 'https://evil.example' })).rejects.toMatchObject({
      status: 403,
    });
    const sameSite = await openSocket(t.baseUrl, { cookie: bob.cookieHeader(), origin: t.baseUrl });
    expect(await sameSite.subscribe(`user:${bobId}`)).toMatchObject({ type: 'subscribed' });
    sameSite.close();

    const { secret } = await bob.api(createToken, { body: { name: 'script', scopes: ['read'] } });
    const script = await openSocket(t.baseUrl, { bearer: secret, origin: 'https://elsewhere.example' });
    expect(await script.subscribe(`user:${bobId}`)).toMatchObject({ type: 'subscribed' });
    script.close();
  });

  test('broken messages are answered with an error and the connection keeps working', async () => {
    const socket = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    socket.send('not json {');
    expect(await socket.next('error')).toEqual({ type: 'error', code: 'realtime.bad_message' });
    socket.send({ type: 'subscribe', topic: 'no spaces allowed' } as never);
    expect(await socket.next('error')).toMatchObject({ code: 'realtime.bad_message', topic: 'no spaces allowed' });
    socket.send(JSON.stringify({ type: 'subscribe', topic: `user:${bobId}`, padding: 'x'.repeat(10_000) }));
    expect(await socket.next('error')).toMatchObject({ code: 'realtime.bad_message' });
    socket.ws.send(Buffer.from([1, 2, 3]));
    expect(await socket.next('error')).toMatchObject({ code: 'realtime.bad_message' });
    socket.send({ type: 'ping' });
    expect(await socket.next('pong')).toEqual({ type: 'pong' });

    // Past the frame limit the socket is closed (1009), and the server carries on.
    socket.ws.send('x'.repeat(70 * 1024));
    expect((await socket.closed).code).toBe(1009);
    expect((await fetch(`${t.baseUrl}/api/health`)).status).toBe(200);
  });
});

describe('realtime: ending access', () => {
  test('deactivating a member closes their socket at once and they cannot reconnect', async () => {
    const carol = await invitePerson(t, admin, { email: 'carol@acme.test', displayName: 'Carol' });
    const socket = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
    expect(await socket.subscribe(`user:${carol.me.user.id}`)).toMatchObject({ type: 'subscribed' });

    await admin.api(setMemberActive, { params: { userId: carol.me.user.id }, body: { status: 'deactivated' } });
    expect(await socket.closed).toEqual({ code: 4000, reason: 'realtime.disconnected' });
    const again = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
    expect((await again.closed).code).toBe(4401);
  });

  test('signing one session out closes only that session’s socket', async () => {
    const dave = await invitePerson(t, admin, { email: 'dave@acme.test', displayName: 'Dave' });
    const laptop = dave.client;
    const phone = t.client();
    await phone.api(login, { body: { email: 'dave@acme.test', password: PASSWORD } });
    const laptopSocket = await openSocket(t.baseUrl, { cookie: laptop.cookieHeader() });
    const phoneSocket = await openSocket(t.baseUrl, { cookie: phone.cookieHeader() });
    const topic = `user:${dave.me.user.id}`;
    await laptopSocket.subscribe(topic);
    await phoneSocket.subscribe(topic);

    const laptopSession = (await laptop.api(getMe)).sessionId!;
    await phone.api(revokeSession, { params: { sessionId: laptopSession } });
    expect((await laptopSocket.closed).code).toBe(4000);

    await publish(topic, { kind: 'still here' });
    expect(await phoneSocket.next('event')).toMatchObject({ data: { kind: 'still here' } });
    phoneSocket.close();
  });
});

describe('realtime: sequence numbers', () => {
  test('each publish on a topic takes the next number, and events arrive in that order', async () => {
    const topic = `user:${bobId}`;
    const socket = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    const subscribed = await socket.subscribe(topic);
    const start = subscribed?.type === 'subscribed' ? subscribed.seq : -1;
    expect(start).toBeGreaterThanOrEqual(0);

    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push(await publish(topic, { i }));
    expect(seqs).toEqual([start + 1, start + 2, start + 3, start + 4, start + 5]);
    const received = [];
    for (let i = 0; i < 5; i++) received.push((await socket.next('event'))?.seq);
    expect(received).toEqual(seqs);
    socket.close();
  });

  test('a client that comes back with its lastSeq learns how many events it missed', async () => {
    const topic = `user:${bobId}`;
    const first = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    const before = await first.subscribe(topic);
    const lastSeq = before?.type === 'subscribed' ? before.seq : -1;
    const epoch = before?.type === 'subscribed' ? before.epoch : 'missing';
    first.close();
    await first.closed;

    await publish(topic, { missed: 1 });
    await publish(topic, { missed: 2 });
    const second = await openSocket(t.baseUrl, { cookie: bob.cookieHeader() });
    // Same process, same numbering: the epoch is unchanged, so the client can compare numbers.
    expect(await second.subscribe(topic, lastSeq)).toEqual({ type: 'subscribed', topic, seq: lastSeq + 2, epoch });
    second.close();
  });

  test('the reconnecting client reports the gap of events sent while it was away, then carries on', async () => {
    const topic = `user:${bobId}`;
    const gaps: Array<[string, number, number]> = [];
    const statuses: RealtimeStatus[] = [];
    const received: number[] = [];
    let confirmations = 0;
    const client = createRealtimeClient({
      url: `${t.baseUrl.replace('http', 'ws')}/api/ws`,
      WebSocket: WebSocket as never,
      headers: () => ({ cookie: bob.cookieHeader() }),
      backoff: { minMs: 100, maxMs: 200 },
      onGap: (tp, from, to) => gaps.push([tp, from, to]),
      onStatus: (s) => statuses.push(s),
    });
    client.subscribe(topic, (_data, meta) => received.push(meta.seq), { onSubscribed: () => confirmations++ });
    await until(() => confirmations === 1);

    const s1 = await publish(topic, { n: 1 });
    await until(() => received.includes(s1));

    // The server drops the socket (as when a session is revoked elsewhere); two events go out meanwhile.
    const session = (await bob.api(getMe)).sessionId!;
    await t.app.ctx.hub.disconnect(bobId, { sessionId: session });
    const s2 = await publish(topic, { n: 2 });
    const s3 = await publish(topic, { n: 3 });
    await until(() => confirmations === 2);
    expect(gaps).toEqual([[topic, s2, s3]]);
    expect(statuses).toContain('reconnecting');

    const s4 = await publish(topic, { n: 4 });
    await until(() => received.includes(s4));
    expect(received).toEqual([s1, s4]);
    expect(gaps).toHaveLength(1);
    expect(client.lastSeq(topic)).toBe(s4);
    client.close();
  });

  test('the client stops for good when it is not signed in', async () => {
    const statuses: RealtimeStatus[] = [];
    const client = createRealtimeClient({
      url: `${t.baseUrl.replace('http', 'ws')}/api/ws`,
      WebSocket: WebSocket as never,
      backoff: { minMs: 50, maxMs: 50 },
      onStatus: (s) => statuses.push(s),
    });
    await until(() => client.status === 'unauthorized');
    await new Promise((r) => setTimeout(r, 200));
    // The upgrade succeeds, the refusal comes as close code 4401: no reconnect follows.
    expect(statuses).toEqual(['open', 'unauthorized']);
    client.close();
  });
});
