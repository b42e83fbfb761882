import { afterAll, beforeAll, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../modules/accounts/server/test/factories.js';
import { createChat, listMessages, sendMessage } from '../../modules/messenger/shared/contract.js';
import type { MessageView } from '../../modules/messenger/shared/types.js';
import { ApiError } from '../../platform/shared/api-client.js';
import type { TestApp } from '../../platform/server/test/harness.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../platform/server/test/server-process.js';
import { openSocket } from '../../platform/server/realtime/test/test-socket.js';

// SIGKILL during a send load. Runs on SQLite, and on PostgreSQL (a fresh schema) when
// TEST_DATABASE_URL is set.
let place: DataPlace;
let server: ServerProcess | undefined;

beforeAll(async () => {
  place = await freshDataPlace();
});
afterAll(async () => {
  await stopServerProcess(server);
  await place?.remove();
});

const LOOPS_PER_PERSON = 3;
const KILL_AFTER_ACKS = 120;

/** What the test needs of a client: the contract caller and its cookies. */
type Client = Pick<ReturnType<typeof processClient>, 'api' | 'cookieHeader'>;
/** The account factories only need `client()`; here each client talks to the spawned server. */
const via = (s: ServerProcess) => ({ client: () => processClient(s.baseUrl) }) as unknown as TestApp;

/** Every message of a chat, oldest first, paging forward with `after`. */
async function everyMessage(client: Client, chatId: string, after = 0): Promise<MessageView[]> {
  const all: MessageView[] = [];
  for (;;) {
    const page = await client.api(listMessages, { params: { chatId }, query: { after, limit: 200 } });
    all.push(...page.items);
    if (!page.hasMoreAfter || page.items.length === 0) return all;
    after = page.items[page.items.length - 1].seq;
  }
}

test('a kill -9 during a send load loses no acknowledged message, duplicates none, and clients resync without gaps', async () => {
  server = await startServerProcess(place.env);
  const first = server;
  const { admin, me } = await setupOrg(via(first));
  const bob = await invitePerson(via(first), admin, { email: 'bob@acme.test', displayName: 'Bob' });
  const carol = await invitePerson(via(first), admin, { email: 'carol@acme.test', displayName: 'Carol' });
  const chat = await admin.api(createChat, {
    body: { kind: 'group', name: '缙云工厂新产线', memberIds: [bob.me.user.id, carol.me.user.id] },
  });
  const senders = [
    { id: me.user.id, client: admin },
    { id: bob.me.user.id, client: bob.client },
    { id: carol.me.user.id, client: carol.client },
  ];

  // A subscriber that notes every message it is handed live.
  const watcher = await openSocket(first.baseUrl, { cookie: carol.client.cookieHeader() });
  const seenLive = new Set<number>();
  watcher.ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'event' && frame.data?.type === 'message.created') seenLive.add(frame.data.message.seq);
  });
  expect(await watcher.subscribe(`chat:${chat.id}`)).toMatchObject({ type: 'subscribed' });

  // Concurrent senders, each with its own client ids; the process dies in the middle of it.
  const attempted = new Map<string, number>(); // `${senderId}/${clientId}` → sender index
  const acked = new Map<string, MessageView>();
  let killed = false;
  const loop = async (s: number, l: number) => {
    for (let n = 0; !killed; n++) {
      const clientId = `p${s}-l${l}-${n}`;
      attempted.set(`${senders[s].id}/${clientId}`, s);
      try {
        const message = await senders[s].client.api(sendMessage, {
          params: { chatId: chat.id },
          body: { clientId, kind: 'text', content: { text: `进度更新 ${clientId}` } },
        });
        acked.set(`${senders[s].id}/${clientId}`, message);
        if (acked.size >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      } catch (err) {
        // Only the kill may interrupt a send; a refused send before it is a bug.
        if (!killed || err instanceof ApiError) {
          killed = true;
          first.child.kill('SIGKILL');
          throw err;
        }
      }
    }
  };
  await Promise.all(senders.flatMap((_, s) => Array.from({ length: LOOPS_PER_PERSON }, (_, l) => loop(s, l))));
  expect((await first.exited).signal).toBe('SIGKILL');
  expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  const lastSeenLive = Math.max(0, ...seenLive);
  expect((await watcher.closed).code).toBe(1006);

  // Restart on the same data; the same sessions still work.
  server = await startServerProcess(place.env);
  const again = senders.map((s) => processClient(server!.baseUrl, s.client.cookieHeader()));

  // Every acknowledged message is there exactly once, with the id and seq it was acknowledged with.
  const afterRestart = await everyMessage(again[0], chat.id);
  const byKey = new Map<string, MessageView[]>();
  for (const m of afterRestart)
    byKey.set(`${m.senderId}/${m.clientId}`, [...(byKey.get(`${m.senderId}/${m.clientId}`) ?? []), m]);
  for (const [key, message] of acked) {
    expect(
      byKey.get(key)?.map((m) => [m.id, m.seq]),
      key,
    ).toEqual([[message.id, message.seq]]);
  }

  // The client retries what was never acknowledged, and a few that were, with the same client ids.
  const unacked = [...attempted].filter(([key]) => !acked.has(key));
  const someAcked = [...acked.keys()].slice(0, 10);
  for (const key of [...unacked.map(([k]) => k), ...someAcked]) {
    const s = attempted.get(key)!;
    const clientId = key.slice(key.indexOf('/') + 1);
    const message = await again[s].api(sendMessage, {
      params: { chatId: chat.id },
      body: { clientId, kind: 'text', content: { text: `进度更新 ${clientId}` } },
    });
    if (acked.has(key)) expect(message.id).toBe(acked.get(key)!.id);
  }

  // Each attempt exactly once, seqs 1..N without a gap, nothing that was never sent.
  const final = await everyMessage(again[0], chat.id);
  expect(final.map((m) => m.seq)).toEqual(Array.from({ length: final.length }, (_, i) => i + 1));
  expect(new Set(final.map((m) => `${m.senderId}/${m.clientId}`)).size).toBe(final.length);
  expect(final.length).toBe(attempted.size);

  // The subscriber comes back with its last seq: live events resume, history fills the gap.
  const back = await openSocket(server.baseUrl, { cookie: carol.client.cookieHeader() });
  expect(await back.subscribe(`chat:${chat.id}`, lastSeenLive)).toMatchObject({ type: 'subscribed' });
  const gap = await everyMessage(again[2], chat.id, lastSeenLive);
  const known = new Set([...[...seenLive].filter((s) => s <= lastSeenLive), ...gap.map((m) => m.seq)]);
  expect(known.size).toBe(final.length);
  expect(Math.max(...known)).toBe(final.length);
  const live = await again[1].api(sendMessage, {
    params: { chatId: chat.id },
    body: { clientId: 'after-restart', kind: 'text', content: { text: '恢复了' } },
  });
  expect(live.seq).toBe(final.length + 1);
  expect(await back.next('event', 5000)).toMatchObject({ data: { type: 'message.created', message: { seq: live.seq } } });
  back.close();
}, 120_000);
