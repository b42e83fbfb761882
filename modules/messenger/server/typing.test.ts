import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { openSocket, type TestSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { createToken } from '../../accounts/shared/contract.js';
import { createChat, sendMessage } from '../shared/contract.js';

/*
 * Typing signals: relayed by the hub to a chat's other subscribers as ephemeral frames (no
 * sequence number, no database write), only from members who may post, at a limited rate.
 */
let t: TestApp;
let admin: TestClient;
let alice: TestClient;
let aliceId: string;
let bob: TestClient;
let carol: TestClient;
let group: string;
let channel: string;
const open: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  admin = (await setupOrg(t)).admin;
  const a = await invitePerson(t, admin, { email: 'alice@acme.test', displayName: 'Alice' });
  alice = a.client;
  aliceId = a.me.user.id;
  const b = await invitePerson(t, admin, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  carol = (await invitePerson(t, admin, { email: 'carol@acme.test', displayName: 'Carol' })).client;
  group = (await alice.api(createChat, { body: { kind: 'group', name: 'Line 3', memberIds: [b.me.user.id as never] } })).id;
  channel = (await admin.api(createChat, { body: { kind: 'channel', name: 'News' } })).id;
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

async function following(client: TestClient, topic: string): Promise<TestSocket> {
  const s = await openSocket(t.baseUrl, { cookie: client.cookieHeader() });
  open.push(s);
  expect(await s.subscribe(topic)).toMatchObject({ type: 'subscribed' });
  return s;
}

describe('typing signals', () => {
  test('a member typing reaches the others as a signal that leaves the event numbering alone', async () => {
    const topic = `chat:${group}`;
    const bobSocket = await following(bob, topic);
    const aliceSocket = await following(alice, topic);
    const first = await alice.api(sendMessage, {
      params: { chatId: group as never },
      body: { clientId: 't-1', kind: 'text', content: { text: 'one' } },
    });
    const e1 = await bobSocket.next('event');

    aliceSocket.send({ type: 'typing', topic });
    expect(await bobSocket.next('signal')).toEqual({ type: 'signal', topic, data: { kind: 'typing', userId: aliceId } });

    await alice.api(sendMessage, {
      params: { chatId: group as never },
      body: { clientId: 't-2', kind: 'text', content: { text: 'two' } },
    });
    const e2 = await bobSocket.next('event');
    // No gap: the signal took no sequence number.
    expect(e2?.seq).toBe((e1?.seq ?? 0) + 1);
    expect(first.id).toBeTruthy();
  });

  test('someone outside the chat cannot make its members see them typing', async () => {
    const topic = `chat:${group}`;
    const bobSocket = await following(bob, topic);
    const carolSocket = await openSocket(t.baseUrl, { cookie: carol.cookieHeader() });
    open.push(carolSocket);
    expect(await carolSocket.subscribe(topic)).toMatchObject({ type: 'error', code: 'realtime.forbidden' });
    carolSocket.send({ type: 'typing', topic });
    expect(await bobSocket.next('signal', 400)).toBeUndefined();
  });

  test('a script on a read-only access token may follow the chat but not appear to type in it', async () => {
    const topic = `chat:${group}`;
    const bobSocket = await following(bob, topic);
    const { secret } = await alice.api(createToken, { body: { name: 'reader', scopes: ['read'] } });
    const script = await openSocket(t.baseUrl, { bearer: secret });
    open.push(script);
    expect(await script.subscribe(topic)).toMatchObject({ type: 'subscribed' });
    script.send({ type: 'typing', topic });
    expect(await bobSocket.next('signal', 400)).toBeUndefined();
  });

  test('an announcement channel’s subscribers, who may not post, do not show as typing', async () => {
    const topic = `chat:${channel}`;
    const adminSocket = await following(admin, topic);
    const bobSocket = await following(bob, topic);
    bobSocket.send({ type: 'typing', topic });
    expect(await adminSocket.next('signal', 400)).toBeUndefined();
    // The channel's owner may post, so their typing is relayed.
    adminSocket.send({ type: 'typing', topic });
    expect(await bobSocket.next('signal')).toMatchObject({ data: { kind: 'typing' } });
  });

  test('a flood of typing signals is relayed once per interval', async () => {
    const topic = `chat:${group}`;
    const bobSocket = await following(bob, topic);
    const aliceSocket = await following(alice, topic);
    for (let i = 0; i < 20; i++) aliceSocket.send({ type: 'typing', topic });
    expect(await bobSocket.next('signal')).toMatchObject({ data: { userId: aliceId } });
    expect(await bobSocket.next('signal', 500)).toBeUndefined();
  });
});
