import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { createToken, setMemberActive } from '../../accounts/shared/contract.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { openSocket, type TestSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { getMyPresenceSettings, getPresence, setMyPresenceSettings } from '../../../platform/shared/presence.js';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;
let bobId: string;
let aliceId: string;
const open: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
  aliceId = org.me.user.id;
  const b = await invitePerson(t, alice, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  bobId = b.me.user.id;
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

async function socketOf(client: TestClient, options: { bearer?: string } = {}): Promise<TestSocket> {
  const s = await openSocket(t.baseUrl, options.bearer ? { bearer: options.bearer } : { cookie: client.cookieHeader() });
  open.push(s);
  return s;
}

/** Alice's socket following someone's presence. */
async function watch(userId: string): Promise<TestSocket> {
  const s = await socketOf(alice);
  expect(await s.subscribe(`presence:${userId}`)).toMatchObject({ type: 'subscribed' });
  return s;
}

const statusOf = async (userId: string) => (await alice.api(getPresence, { query: { ids: userId } })).people[0];

async function nextStatus(s: TestSocket): Promise<unknown> {
  const event = await s.next('event');
  return (event?.data as { status?: string } | undefined)?.status;
}

describe('presence over the in-process bus', () => {
  test('a member is online while a socket is open, away while every socket is idle, offline when the last closes', async () => {
    const watcher = await watch(bobId);
    expect((await statusOf(bobId)).status).toBe('offline');

    const laptop = await socketOf(bob);
    expect(await nextStatus(watcher)).toBe('online');
    expect((await statusOf(bobId)).status).toBe('online');

    const phone = await socketOf(bob);
    laptop.send({ type: 'presence', state: 'idle' });
    // The phone is still active: nothing changes for the watcher.
    expect(await watcher.next('event', 300)).toBeUndefined();
    phone.send({ type: 'presence', state: 'idle' });
    expect(await nextStatus(watcher)).toBe('away');
    expect((await statusOf(bobId)).status).toBe('away');

    phone.send({ type: 'presence', state: 'active' });
    expect(await nextStatus(watcher)).toBe('online');

    // The active client closes; the idle one is left.
    phone.close();
    await phone.closed;
    expect(await nextStatus(watcher)).toBe('away');
    expect((await statusOf(bobId)).status).toBe('away');
    laptop.close();
    await laptop.closed;
    expect(await nextStatus(watcher)).toBe('offline');
    expect((await statusOf(bobId)).status).toBe('offline');
  });

  test('a script on an access token does not make its owner look online', async () => {
    const { secret } = await bob.api(createToken, { body: { name: 'bot', scopes: ['read'] } });
    const watcher = await watch(bobId);
    const script = await socketOf(bob, { bearer: secret });
    expect(await script.subscribe(`user:${bobId}`)).toMatchObject({ type: 'subscribed' });
    expect(await watcher.next('event', 300)).toBeUndefined();
    expect((await statusOf(bobId)).status).toBe('offline');
  });

  test('do not disturb is stored, told to watchers and shown to everyone; a past end is refused', async () => {
    const watcher = await watch(bobId);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const saved = await bob.api(setMyPresenceSettings, { body: { dnd: { until }, schedule: null } });
    expect(saved.dnd).toEqual({ until });
    expect(await watcher.next('event')).toMatchObject({ data: { type: 'presence.settings', userId: bobId } });
    expect(await statusOf(bobId)).toMatchObject({ dnd: true, dndUntil: until, changesAt: until });

    await expect(
      bob.api(setMyPresenceSettings, { body: { dnd: { until: new Date(Date.now() - 1000).toISOString() }, schedule: null } }),
    ).rejects.toMatchObject({ status: 400, code: 'presence.dnd_in_past' });

    await bob.api(setMyPresenceSettings, { body: { dnd: null, schedule: null } });
    expect(await statusOf(bobId)).toMatchObject({ dnd: false, dndUntil: null, changesAt: null });
    expect((await bob.api(getMyPresenceSettings)).dnd).toBeNull();
  });

  test('a schedule covering the present puts the person in do not disturb until its end', async () => {
    // Bob's profile zone is Europe/Berlin: a window from one hour ago to one hour ahead there.
    const hhmm = (ms: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(ms);
    const schedule = { start: hhmm(Date.now() - 3_600_000), end: hhmm(Date.now() + 3_600_000) };
    await bob.api(setMyPresenceSettings, { body: { dnd: null, schedule } });
    const seen = await statusOf(bobId);
    expect(seen.dnd).toBe(true);
    const left = Date.parse(seen.dndUntil ?? '') - Date.now();
    expect(left).toBeGreaterThan(58 * 60_000);
    expect(left).toBeLessThanOrEqual(60 * 60_000);
    expect((await bob.api(getMyPresenceSettings)).schedule).toEqual(schedule);
    await bob.api(setMyPresenceSettings, { body: { dnd: null, schedule: null } });
  });

  test('a deactivated member reads as offline, with no do-not-disturb to see', async () => {
    const carol = await invitePerson(t, alice, { email: 'carol@acme.test', displayName: 'Carol' });
    const carolId = carol.me.user.id;
    await carol.client.api(setMyPresenceSettings, { body: { dnd: { until: null }, schedule: null } });
    const watcher = await watch(carolId);
    await socketOf(carol.client);
    expect(await nextStatus(watcher)).toBe('online');
    await alice.api(setMemberActive, { params: { userId: carolId as never }, body: { status: 'deactivated' } });
    expect(await nextStatus(watcher)).toBe('offline');
    expect(await statusOf(carolId)).toMatchObject({ status: 'offline', dnd: false });
  });

  test('a batch is answered in the order asked; bad lists are refused with 400', async () => {
    const { people } = await bob.api(getPresence, { query: { ids: `${aliceId},${bobId}` } });
    expect(people.map((p) => p.userId)).toEqual([aliceId, bobId]);
    for (const ids of ['', 'usr_x', `${bobId},,${aliceId}`, Array(201).fill(bobId).join(',')]) {
      const res = await bob.fetch(`/api/presence?ids=${encodeURIComponent(ids)}`);
      expect(res.status, ids.slice(0, 40)).toBe(400);
    }
  });

  test('presence topics are for user ids only', async () => {
    const s = await socketOf(bob);
    expect(await s.subscribe('presence:chat_1')).toMatchObject({ type: 'error', code: 'realtime.forbidden' });
  });
});
