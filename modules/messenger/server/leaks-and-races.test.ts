import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import {
  addReaction,
  editMessage,
  getChat,
  listChatMembers,
  listMessages,
  listMyChats,
  listMyMentions,
  listMyThreads,
  openDirectChat,
  sendMessage,
  setMemberRole,
  transferOwnership,
  updateChat,
} from '../shared/contract.js';
import { addMembers, channelOf, groupOf, type Member, text } from './test/factories.js';

/*
 * Findings of a security and robustness review: history hidden from newcomers must stay
 * hidden on every path (lists of mentions and threads, live events), ownership has exactly
 * one holder under concurrent transfers, and tampered cursors are bad input, not a 500.
 */

let t: TestApp;
let A: Member;
let B: Member;
let C: Member;
let D: Member;

const at = (id: string, name: string) => `<at user_id="${id}">${name}</at>`;
const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });
const send = (client: TestClient, chatId: string, body: ReturnType<typeof text>) =>
  client.api(sendMessage, { params: chat(chatId), body });

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  A = { client: org.admin, id: org.me.user.id };
  const people: Member[] = [];
  for (const name of ['bob', 'carol', 'dave']) {
    const p = await invitePerson(t, org.admin, { email: `${name}@acme.test`, displayName: name });
    people.push({ client: p.client, id: p.me.user.id });
  }
  [B, C, D] = people;
});
afterAll(async () => {
  await t?.close();
});

/** A group with hidden history where Alice said something before Carol was added; returns the chat and that message. */
async function hiddenHistory() {
  const chatId = await groupOf(A, [B], { historyVisible: false });
  const old = await send(A.client, chatId, text('salary figures: 42k'));
  await addMembers(A, chatId, [C]);
  return { chatId, old };
}

describe('history hidden from newcomers stays hidden', () => {
  test('a mention of me that replies to older history does not quote it', async () => {
    const { chatId, old } = await hiddenHistory();
    await send(A.client, chatId, text(`${at(C.id, 'carol')} see above`, { replyToId: old.id }));
    const page = await C.client.api(listMyMentions, { query: {} });
    const item = page.items.find((m) => m.chatId === chatId);
    expect(item?.text).toContain('see above');
    expect(item?.replyTo).toBeNull();
  });

  test('a thread I follow whose root replies to older history does not quote it', async () => {
    const { chatId, old } = await hiddenHistory();
    const root = await send(A.client, chatId, text('about that', { replyToId: old.id }));
    await send(C.client, chatId, text('me too', { threadRootId: root.id }));
    const page = await C.client.api(listMyThreads, { query: {} });
    const item = page.items.find((i) => i.root.id === root.id);
    expect(item?.root.replyTo).toBeNull();
  });

  test('live events never carry a quote or last message a subscriber may not see', async () => {
    const { chatId, old } = await hiddenHistory();
    const socket = await openSocket(t.baseUrl, { cookie: C.client.cookieHeader() });
    expect(await socket.subscribe(`chat:${chatId}`)).toMatchObject({ type: 'subscribed' });

    // Renaming the chat must not tell Carol the last message from before she joined.
    await A.client.api(updateChat, { params: chat(chatId), body: { name: 'Renamed' } });
    const renamed = await socket.next('event');
    expect(JSON.stringify(renamed)).not.toContain('42k');

    const reply = await send(A.client, chatId, text('about that', { replyToId: old.id }));
    const created = await socket.next('event');
    expect(created).toMatchObject({ data: { type: 'message.created', message: { id: reply.id, replyTo: null } } });

    await B.client.api(addReaction, { params: { ...msg(reply.id), emoji: '👍' } });
    const updated = await socket.next('event');
    expect(updated).toMatchObject({ data: { type: 'message.updated', message: { id: reply.id, replyTo: null } } });
    socket.close();

    // Bob could see the quoted message: his own reads still quote it.
    const page = await B.client.api(listMessages, { params: chat(chatId) });
    expect(page.items.at(-1)?.replyTo?.text).toBe('salary figures: 42k');
  });
});

describe('authorization', () => {
  test('a channel editor who lost the role can no longer edit their posts', async () => {
    const channelId = await channelOf(A);
    await A.client.api(setMemberRole, {
      params: { chatId: chat(channelId).chatId, userId: B.id as never },
      body: { role: 'admin' },
    });
    const post = await send(B.client, channelId, text('Canteen closed Friday'));
    await A.client.api(setMemberRole, {
      params: { chatId: chat(channelId).chatId, userId: B.id as never },
      body: { role: 'member' },
    });
    await expectCode(
      B.client.api(editMessage, { params: msg(post.id), body: { content: { text: 'Canteen open' } } }),
      'chat.read_only',
      403,
    );
  });
});

describe('races', () => {
  test('concurrent promotions never push a group past 10 admins', async () => {
    const extra: Member[] = [];
    for (let i = 0; i < 9; i++) {
      const p = await invitePerson(t, A.client, { email: `admin${i}@acme.test`, displayName: `admin${i}` });
      extra.push({ client: p.client, id: p.me.user.id });
    }
    const chatId = await groupOf(A, [B, C, D, ...extra]);
    // Nine admins, then three promotions at once compete for the tenth place.
    for (const m of extra)
      await A.client.api(setMemberRole, {
        params: { chatId: chat(chatId).chatId, userId: m.id as never },
        body: { role: 'admin' },
      });
    const results = await Promise.allSettled(
      [B, C, D].map((m) =>
        A.client.api(setMemberRole, { params: { chatId: chat(chatId).chatId, userId: m.id as never }, body: { role: 'admin' } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const members = await A.client.api(listChatMembers, { params: chat(chatId) });
    expect(members.items.filter((m) => m.role === 'admin')).toHaveLength(10);
  });

  test('concurrent transfers of ownership leave exactly one owner', async () => {
    for (let round = 0; round < 5; round++) {
      const chatId = await groupOf(A, [B, C, D]);
      await Promise.allSettled(
        [B, C, D].map((to) => A.client.api(transferOwnership, { params: chat(chatId), body: { userId: to.id as never } })),
      );
      const members = await B.client.api(listChatMembers, { params: chat(chatId) });
      const owners = members.items.filter((m) => m.role === 'owner').map((m) => m.userId);
      expect(owners).toHaveLength(1);
      expect((await B.client.api(getChat, { params: chat(chatId) })).ownerId).toBe(owners[0]);
    }
  });

  test('two people opening their direct chat at once get the same chat', async () => {
    const [x, y] = await Promise.all([
      C.client.api(openDirectChat, { body: { userId: D.id as never } }),
      D.client.api(openDirectChat, { body: { userId: C.id as never } }),
    ]);
    expect(x.id).toBe(y.id);
  });

  test('concurrent sends get consecutive seqs, and concurrent retries one message', async () => {
    const chatId = await groupOf(A, [B]);
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(i % 2 ? A.client : B.client, chatId, text(`m${i}`))),
    );
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const retries = await Promise.all(
      Array.from({ length: 4 }, () => send(A.client, chatId, text('once', { clientId: 'same' }))),
    );
    expect(new Set(retries.map((m) => m.id)).size).toBe(1);
    const page = await A.client.api(listMessages, { params: chat(chatId) });
    expect(page.items.map((m) => m.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });
});

describe('bad input is a 4xx', () => {
  test('a tampered chat-list cursor is refused', async () => {
    for (const key of [
      [1.5, 'chat_x'],
      [1e300, 'chat_x'],
    ]) {
      const cursor = Buffer.from(JSON.stringify(key)).toString('base64url');
      await expectCode(A.client.api(listMyChats, { query: { cursor } }), 'request.validation_failed', 400);
    }
  });
});
