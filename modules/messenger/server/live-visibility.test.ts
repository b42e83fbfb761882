import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocket, type TestSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import {
  addReaction,
  editMessage,
  getMessage,
  listInbox,
  markRead,
  pinMessage,
  recallMessage,
  removeChatMember,
  removeReaction,
  sendMessage,
  unpinMessage,
} from '../shared/contract.js';
import type { MessengerDb } from './tables.js';
import { addMembers, groupOf, type Member, orgWith, text } from './test/factories.js';

/*
 * Issue 6, item 2: a member who joined a group with hidden history must learn nothing over the
 * socket about messages from before they joined — not through reactions, pins, edits or recalls
 * of those messages, not through receipts, thread replies or inbox items. HTTP already answers
 * 404 for those messages; the live events follow the same rule.
 */

let t: TestApp;
let alice: Member;
let bob: Member;
let carol: Member;

const SECRET = 'salary figures: 42k';
const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgWith(t, 'bob', 'carol');
  alice = org.admin;
  bob = org.people.bob;
  carol = org.people.carol;
});
afterAll(async () => {
  await t?.close();
});

/** Everything the socket receives within `ms` of quiet. */
async function drain(socket: TestSocket, ms = 300) {
  const frames: unknown[] = [];
  for (;;) {
    const f = await socket.next(undefined, ms);
    if (!f) return frames;
    frames.push(f);
  }
}

const dataOf = (frames: unknown[]) =>
  frames
    .filter((f): f is { type: 'event'; data: { type: string } } => (f as { type: string }).type === 'event')
    .map((f) => f.data);

/**
 * A hidden-history group where Alice said SECRET before Carol joined; Carol and Bob listen on
 * the chat and on their own topics.
 */
async function lateJoiner() {
  const chatId = await groupOf(alice, [bob], { historyVisible: false });
  const old = await alice.client.api(sendMessage, { params: chat(chatId), body: text(SECRET) });
  await addMembers(alice, chatId, [carol]);
  const carolSocket = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
  const bobSocket = await openSocket(t.baseUrl, { cookie: bob.client.cookieHeader() });
  for (const [s, m] of [
    [carolSocket, carol],
    [bobSocket, bob],
  ] as const) {
    expect(await s.subscribe(`chat:${chatId}`)).toMatchObject({ type: 'subscribed' });
    expect(await s.subscribe(`user:${m.id}`)).toMatchObject({ type: 'subscribed' });
  }
  const close = () => {
    carolSocket.close();
    bobSocket.close();
  };
  return { chatId, old, carolSocket, bobSocket, close };
}

describe('a late joiner learns nothing live about history hidden from them', () => {
  const actions: Array<[string, (oldId: string) => Promise<unknown>]> = [
    ['a reaction to an old message', (id) => bob.client.api(addReaction, { params: { ...msg(id), emoji: '👍' } })],
    [
      'a reaction taken back',
      async (id) => {
        await bob.client.api(addReaction, { params: { ...msg(id), emoji: '🎉' } });
        await bob.client.api(removeReaction, { params: { ...msg(id), emoji: '🎉' } });
      },
    ],
    ['a pin of an old message', (id) => alice.client.api(pinMessage, { params: msg(id) })],
    [
      'an unpin',
      async (id) => {
        await alice.client.api(pinMessage, { params: msg(id) });
        await alice.client.api(unpinMessage, { params: msg(id) });
      },
    ],
    [
      'an edit of an old message',
      (id) => alice.client.api(editMessage, { params: msg(id), body: { content: { text: `${SECRET}!` } } }),
    ],
    ['a recall of an old message', (id) => alice.client.api(recallMessage, { params: msg(id) })],
  ];

  test.each(actions)('%s reaches the late joiner without any content, and old members refetch it', async (_name, act) => {
    const { chatId, old, carolSocket, bobSocket, close } = await lateJoiner();
    await act(old.id);
    const carolSaw = await drain(carolSocket);
    const bobSaw = await drain(bobSocket);
    close();

    expect(JSON.stringify(carolSaw)).not.toContain('42k');
    for (const event of dataOf(carolSaw)) {
      // At most a content-free reference: type, chat, message id and seq, nothing else.
      expect(event).toEqual({ type: 'message.changed', chatId, messageId: old.id, seq: old.seq });
    }
    // Bob may read the message: he is told it changed, and HTTP gives him the new state.
    expect(dataOf(bobSaw)).toContainEqual({ type: 'message.changed', chatId, messageId: old.id, seq: old.seq });
    await expectCode(carol.client.api(getMessage, { params: msg(old.id) }), 'message.not_found', 404);
    const fresh = await bob.client.api(getMessage, { params: msg(old.id) });
    expect(fresh.id).toBe(old.id);
  });

  test('receipts: a read event carries positions, never text', async () => {
    const { chatId, carolSocket, close } = await lateJoiner();
    await bob.client.api(markRead, { params: chat(chatId), body: { seq: 1 } });
    const saw = await drain(carolSocket);
    close();
    expect(JSON.stringify(saw)).not.toContain('42k');
  });

  test('a thread reply under an old root shows the reply, never the root', async () => {
    const { chatId, old, carolSocket, close } = await lateJoiner();
    const reply = await bob.client.api(sendMessage, {
      params: chat(chatId),
      body: text(`<at user_id="${carol.id}">carol</at> noted`, { threadRootId: old.id }),
    });
    const saw = await drain(carolSocket);
    close();
    expect(JSON.stringify(saw)).not.toContain('42k');
    expect(dataOf(saw)).toContainEqual(
      expect.objectContaining({ type: 'message.created', message: expect.objectContaining({ id: reply.id }) }),
    );
  });

  test('a message that is not in my visible history is neither broadcast nor put in my inbox', async () => {
    // A join that commits right after a send can set the newcomer's start at or past that
    // message; the rule, not the timing, decides. Simulated: Carol's history starts at the
    // next seq, which she may therefore not read.
    const { chatId, carolSocket, bobSocket, close } = await lateJoiner();
    const db: MessengerDb = t.app.ctx.db;
    const { last_seq } = await db.selectFrom('msg_chats').select('last_seq').where('id', '=', chatId).executeTakeFirstOrThrow();
    await db
      .updateTable('msg_members')
      .set({ visible_from_seq: Number(last_seq) + 1 })
      .where('chat_id', '=', chatId)
      .where('user_id', '=', carol.id)
      .execute();
    // …as a join does, the chat's history floor rises with her (member-writes.ts).
    await db
      .updateTable('msg_chats')
      .set({ history_floor: Number(last_seq) + 1 })
      .where('id', '=', chatId)
      .execute();
    const sent = await alice.client.api(sendMessage, {
      params: chat(chatId),
      body: text(`<at user_id="${carol.id}">carol</at> ${SECRET}`),
    });
    const carolSaw = await drain(carolSocket);
    const bobSaw = await drain(bobSocket);
    close();
    expect(JSON.stringify(carolSaw)).not.toContain('42k');
    expect(dataOf(carolSaw).filter((e) => e.type === 'messenger.inbox')).toEqual([]);
    expect(dataOf(bobSaw)).toContainEqual({ type: 'message.changed', chatId, messageId: sent.id, seq: sent.seq });
    const inbox = await carol.client.api(listInbox, { query: {} });
    expect(inbox.items.map((i) => i.message.id)).not.toContain(sent.id);
  });
});

describe('when every member may read a message, live events stay complete', () => {
  test('once the late joiner leaves, reactions to old messages arrive in full again', async () => {
    const { chatId, old, bobSocket, close } = await lateJoiner();
    await carol.client.api(removeChatMember, { params: { ...chat(chatId), userId: carol.id } });
    await drain(bobSocket);
    await alice.client.api(addReaction, { params: { ...msg(old.id), emoji: '👍' } });
    const seen = dataOf(await drain(bobSocket));
    close();
    expect(seen).toContainEqual(
      expect.objectContaining({ type: 'message.updated', message: expect.objectContaining({ id: old.id, text: SECRET }) }),
    );
  });

  test('a reaction in a group with full history arrives as the updated message', async () => {
    const chatId = await groupOf(alice, [bob]);
    const m = await alice.client.api(sendMessage, { params: chat(chatId), body: text('lunch?') });
    await addMembers(alice, chatId, [carol]);
    const socket = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
    await socket.subscribe(`chat:${chatId}`);
    await bob.client.api(addReaction, { params: { ...msg(m.id), emoji: '👍' } });
    const event = await socket.next('event');
    socket.close();
    expect(event?.data).toMatchObject({
      type: 'message.updated',
      message: { id: m.id, text: 'lunch?', reactions: [{ emoji: '👍' }] },
    });
  });
});
