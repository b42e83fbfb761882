import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import {
  addReaction,
  editMessage,
  forwardMessage,
  getMessengerSettings,
  getThread,
  listInbox,
  markRead,
  listMessages,
  listMyMentions,
  listMyThreads,
  listPins,
  markInboxRead,
  pinMessage,
  recallMessage,
  removeReaction,
  sendMessage,
  setThreadFollow,
  unpinMessage,
  updateMessengerSettings,
} from '../shared/contract.js';
import { addMembers, ageMessage, channelOf, directOf, groupOf, type Member, mute, text } from './test/factories.js';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;
let carol: TestClient;
let aliceId: string;
let bobId: string;
let carolId: string;
let group: string;
let A: Member;
let B: Member;
let C: Member;

const HOUR = 3_600_000;
const at = (id: string, name: string) => `<at user_id="${id}">${name}</at>`;

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
  aliceId = org.me.user.id;
  const b = await invitePerson(t, alice, { email: 'bob@acme.test', displayName: 'Bob' });
  const c = await invitePerson(t, alice, { email: 'carol@acme.test', displayName: 'Carol' });
  bob = b.client;
  bobId = b.me.user.id;
  carol = c.client;
  carolId = c.me.user.id;
  A = { client: alice, id: aliceId };
  B = { client: bob, id: bobId };
  C = { client: carol, id: carolId };
  group = await groupOf(A, [B, C]);
});
afterAll(async () => {
  await t?.close();
});

const send = (client: TestClient, chatId: string, body: ReturnType<typeof text>) =>
  client.api(sendMessage, { params: { chatId: chatId as `chat_${string}` }, body });
const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });

describe('sending and history', () => {
  test('messages get consecutive seqs and history pages backwards in ascending order', async () => {
    const chatId = await groupOf(A, [B]);
    for (let i = 1; i <= 7; i++) {
      const m = await send(alice, chatId, text(`hello ${i}`));
      expect(m.seq).toBe(i);
    }
    const latest = await bob.api(listMessages, { params: chat(chatId), query: { limit: 3 } });
    expect(latest.items.map((m) => m.text)).toEqual(['hello 5', 'hello 6', 'hello 7']);
    expect(latest).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });
    const older = await bob.api(listMessages, { params: chat(chatId), query: { before: 5, limit: 3 } });
    expect(older.items.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(older).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const oldest = await bob.api(listMessages, { params: chat(chatId), query: { before: 2, limit: 3 } });
    expect(oldest.items.map((m) => m.seq)).toEqual([1]);
    expect(oldest.hasMoreBefore).toBe(false);
    const gap = await bob.api(listMessages, { params: chat(chatId), query: { after: 4, limit: 10 } });
    expect(gap.items.map((m) => m.seq)).toEqual([5, 6, 7]);
    expect(gap.hasMoreAfter).toBe(false);
    const around = await bob.api(listMessages, { params: chat(chatId), query: { around: latest.items[0].id, limit: 4 } });
    expect(around.items.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
  });

  test('a member whose history starts later never sees older messages', async () => {
    const chatId = await groupOf(A, [C], { historyVisible: false });
    const first = await send(alice, chatId, text('before you joined'));
    await send(alice, chatId, text('still before'));
    await addMembers(A, chatId, [B]);
    await send(alice, chatId, text('welcome'));
    const page = await bob.api(listMessages, { params: chat(chatId), query: {} });
    expect(page.items.map((m) => m.text)).toEqual(['members.added', 'welcome']);
    expect(page.hasMoreBefore).toBe(false);
    await expectCode(bob.api(getThread, { params: msg(first.id), query: {} }), 'message.not_found');
    // A reply to hidden history does not quote it.
    const reply = await send(alice, chatId, text('about that', { replyToId: first.id }));
    const seen = await bob.api(listMessages, { params: chat(chatId), query: {} });
    expect(seen.items.find((m) => m.id === reply.id)?.replyTo).toBeNull();
  });

  test('a retried send with the same clientId returns the first message and takes no new seq', async () => {
    const chatId = await groupOf(A, [B]);
    const body = text('only once', { clientId: 'retry-1' });
    const first = await send(alice, chatId, body);
    const again = await send(alice, chatId, body);
    expect(again.id).toBe(first.id);
    expect(again.seq).toBe(first.seq);
    const next = await send(alice, chatId, text('next'));
    expect(next.seq).toBe(first.seq + 1);
    // The same clientId from another person is their own message.
    const bobs = await send(bob, chatId, body);
    expect(bobs.id).not.toBe(first.id);
    const page = await alice.api(listMessages, { params: chat(chatId), query: {} });
    expect(page.items.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  test('50 concurrent sends get distinct consecutive seqs with no gaps', async () => {
    const chatId = await groupOf(A, [B]);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2 ? alice : bob, chatId, text(`m${i}`))));
    expect(results.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const page = await alice.api(listMessages, { params: chat(chatId), query: { limit: 100 } });
    expect(page.items.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('rich text keeps bold, links, code and lists; a <script> in text stays inert text', async () => {
    const post = await alice.api(sendMessage, {
      params: chat(group),
      body: {
        clientId: 'post-1',
        kind: 'post',
        content: {
          title: 'Release',
          content: [
            [
              { tag: 'text', text: 'ship ', style: ['bold'] },
              { tag: 'a', text: 'notes', href: 'https://example.com/notes' },
            ],
            { tag: 'code_block', language: 'ts', text: 'const x = 1;' },
            { tag: 'list', ordered: false, items: [[{ tag: 'text', text: 'one' }]] },
          ],
        },
      },
    });
    expect(post.text).toContain('ship notes');
    const script = await send(alice, group, text('<script>alert(1)</script><img src=x onerror=alert(1)>'));
    const page = await bob.api(listMessages, { params: chat(group), query: {} });
    const seen = page.items.find((m) => m.id === script.id);
    expect(seen?.content).toEqual({ text: '<script>alert(1)</script><img src=x onerror=alert(1)>' });
    expect(seen?.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
  });
});

describe('threads, replies and notifications', () => {
  test('a reply notifies the replied-to author; a thread reply bumps the root and its followers get notified', async () => {
    const root = await send(alice, group, text('Plan for Q3?'));
    const before = await alice.api(listInbox, { query: {} });
    const reply = await send(bob, group, text('Yes', { replyToId: root.id }));
    expect(reply.replyTo).toMatchObject({ id: root.id, text: 'Plan for Q3?' });
    const after = await alice.api(listInbox, { query: {} });
    expect(after.unreadCount).toBe(before.unreadCount + 1);
    expect(after.items[0]).toMatchObject({ kind: 'reply', message: { id: reply.id }, read: false });

    const t1 = await send(bob, group, text('in thread', { threadRootId: root.id }));
    const t2 = await send(carol, group, text('me too', { threadRootId: t1.id }));
    expect(t2.threadRootId).toBe(root.id);
    const thread = await alice.api(getThread, { params: msg(root.id), query: {} });
    expect(thread.root.threadReplyCount).toBe(2);
    expect(thread.replies.map((r) => r.text)).toEqual(['in thread', 'me too']);
    expect(thread.following).toBe(true);
    // Bob replied, so he follows and is told about Carol's reply.
    const bobInbox = await bob.api(listInbox, { query: {} });
    expect(bobInbox.items.some((i) => i.message.id === t2.id && i.kind === 'reply')).toBe(true);
    // Thread replies still take their place in the chat's seq (gap-free history).
    const hist = await alice.api(listMessages, { params: chat(group), query: { limit: 3 } });
    expect(hist.items.map((m) => m.id)).toContain(t2.id);
  });

  test('threads I follow show unread replies; following and unfollowing', async () => {
    const root = await send(carol, group, text('Topic'));
    await send(bob, group, text('r1', { threadRootId: root.id }));
    await send(alice, group, text('r2', { threadRootId: root.id }));
    const mine = await carol.api(listMyThreads, { query: {} });
    const entry = mine.items.find((i) => i.root.id === root.id);
    expect(entry?.unreadReplies).toBe(2);
    await carol.api(getThread, { params: msg(root.id), query: {} });
    const read = await carol.api(listMyThreads, { query: {} });
    expect(read.items.find((i) => i.root.id === root.id)?.unreadReplies).toBe(0);
    await carol.api(setThreadFollow, { params: msg(root.id), body: { following: false } });
    expect((await carol.api(listMyThreads, { query: {} })).items.some((i) => i.root.id === root.id)).toBe(false);
  });

  test('DMs and mentions reach the inbox, never the sender; mentions of me list them', async () => {
    const dm = await directOf(A, B);
    const sent = await send(alice, dm, text('ping'));
    const bobInbox = await bob.api(listInbox, { query: { unread: 'true' } });
    expect(bobInbox.items[0]).toMatchObject({ kind: 'direct', chatId: dm, message: { id: sent.id, text: 'ping' } });
    expect((await alice.api(listInbox, { query: {} })).items.some((i) => i.message.id === sent.id)).toBe(false);
    // Reading the chat itself reads its notifications too.
    await bob.api(markRead, { params: chat(dm), body: { seq: sent.seq } });
    const afterReading = await bob.api(listInbox, { query: { unread: 'true' } });
    expect(afterReading.items.some((i) => i.message.id === sent.id)).toBe(false);
    expect(afterReading.unreadCount).toBe(bobInbox.unreadCount - 1);

    const mention = await send(alice, group, text(`${at(carolId, 'Carol')} please review`));
    expect(mention.mentions).toEqual([carolId]);
    expect(mention.text).toBe('@Carol please review');
    const carolInbox = await carol.api(listInbox, { query: {} });
    expect(carolInbox.items[0]).toMatchObject({ kind: 'mention', message: { id: mention.id } });
    expect((await bob.api(listInbox, { query: {} })).items.some((i) => i.message.id === mention.id)).toBe(false);
    const mentions = await carol.api(listMyMentions, { query: {} });
    expect(mentions.items[0].id).toBe(mention.id);

    const read = await carol.api(markInboxRead, { body: { ids: [carolInbox.items[0].id] } });
    expect(read.unreadCount).toBe(carolInbox.unreadCount - 1);
    expect((await carol.api(markInboxRead, { body: { all: true } })).unreadCount).toBe(0);
  });

  test('@all notifies every unmuted member; groups may restrict @all to admins', async () => {
    const chatId = await groupOf(A, [B, C], { atAll: 'admins' });
    await mute(C, chatId);
    await expectCode(send(bob, chatId, text(`${at('all', 'all')} lunch?`)), 'message.at_all_forbidden', 403);
    const everyone = await send(alice, chatId, text(`${at('all', 'all')} meeting now`));
    expect((await bob.api(listInbox, { query: {} })).items[0]).toMatchObject({ kind: 'mention', message: { id: everyone.id } });
    expect((await carol.api(listInbox, { query: {} })).items.some((i) => i.message.id === everyone.id)).toBe(false);
    // Muting silences @all, but it is still a mention of Carol.
    expect((await carol.api(listMyMentions, { query: {} })).items[0].id).toBe(everyone.id);
  });
});

describe('edit, recall, reactions, pins, forward', () => {
  test('I can edit my message within the window, not someone else’s, not after the window', async () => {
    const m = await send(bob, group, text('typo'));
    const edited = await bob.api(editMessage, { params: msg(m.id), body: { content: { text: 'fixed' } } });
    expect(edited).toMatchObject({ text: 'fixed', content: { text: 'fixed' } });
    expect(edited.editedAt).not.toBeNull();
    await expectCode(
      alice.api(editMessage, { params: msg(m.id), body: { content: { text: 'hijack' } } }),
      'message.not_yours',
      403,
    );
    await expectCode(bob.api(editMessage, { params: msg(m.id), body: { content: { bad: 1 } } }), 'message.invalid_content', 400);
    await ageMessage(t, m.id, 25 * HOUR);
    const late = await expectCode(
      bob.api(editMessage, { params: msg(m.id), body: { content: { text: 'late' } } }),
      'message.edit_window_passed',
      409,
    );
    expect(late.message).toContain('24');
  });

  test('an admin sets the edit window; only admins may', async () => {
    expect(await bob.api(getMessengerSettings)).toEqual({ editWindowHours: 24 });
    await expectCode(bob.api(updateMessengerSettings, { body: { editWindowHours: 1 } }), 'auth.forbidden');
    expect(await alice.api(updateMessengerSettings, { body: { editWindowHours: 1 } })).toEqual({ editWindowHours: 1 });
    const m = await send(bob, group, text('old news'));
    await ageMessage(t, m.id, 2 * HOUR);
    await expectCode(bob.api(recallMessage, { params: msg(m.id) }), 'message.edit_window_passed');
    await alice.api(updateMessengerSettings, { body: { editWindowHours: 24 } });
  });

  test('a recalled message shows as recalled to everyone; group owners may recall any message', async () => {
    const m = await send(bob, group, text('oops, secret'));
    const recalled = await bob.api(recallMessage, { params: msg(m.id) });
    expect(recalled).toMatchObject({ recalled: true, content: null, text: '' });
    const page = await carol.api(listMessages, { params: chat(group), query: {} });
    expect(page.items.find((x) => x.id === m.id)).toMatchObject({ recalled: true, content: null, text: '' });
    await expectCode(bob.api(editMessage, { params: msg(m.id), body: { content: { text: 'x' } } }), 'message.recalled');

    const old = await bob.api(sendMessage, { params: chat(group), body: text('off-topic') });
    await ageMessage(t, old.id, 48 * HOUR);
    await expectCode(carol.api(recallMessage, { params: msg(old.id) }), 'message.not_yours');
    expect((await alice.api(recallMessage, { params: msg(old.id) })).recalled).toBe(true);
  });

  test('reactions are per person and idempotent; bad emoji are refused', async () => {
    const m = await send(alice, group, text('ship it'));
    const e = { messageId: m.id, emoji: '👍' };
    await bob.api(addReaction, { params: e });
    await bob.api(addReaction, { params: e });
    const both = await carol.api(addReaction, { params: e });
    expect(both.reactions).toEqual([{ emoji: '👍', count: 2, userIds: [bobId, carolId], mine: true }]);
    const named = await alice.api(addReaction, { params: { messageId: m.id, emoji: ':party_parrot:' } });
    expect(named.reactions.map((r) => r.emoji)).toEqual(['👍', ':party_parrot:']);
    const removed = await bob.api(removeReaction, { params: e });
    expect(removed.reactions[0]).toMatchObject({ emoji: '👍', count: 1, userIds: [carolId], mine: false });
    await expectCode(bob.api(addReaction, { params: { messageId: m.id, emoji: '<b>hi</b>' } }), 'message.invalid_reaction', 400);
    await expectCode(bob.api(addReaction, { params: { messageId: m.id, emoji: 'hello' } }), 'message.invalid_reaction', 400);
  });

  test('group members pin and unpin; pins are listed newest first; in channels only admins pin', async () => {
    const a = await send(alice, group, text('rules'));
    const b = await send(alice, group, text('agenda'));
    expect((await bob.api(pinMessage, { params: msg(a.id) })).pinned).toBe(true);
    await carol.api(pinMessage, { params: msg(b.id) });
    expect((await bob.api(listPins, { params: chat(group) })).items.map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await bob.api(unpinMessage, { params: msg(b.id) })).pinned).toBe(false);
    expect((await carol.api(listPins, { params: chat(group) })).items.map((m) => m.id)).toEqual([a.id]);

    const channel = await channelOf(A);
    const news = await send(alice, channel, text('All hands on Friday'));
    await expectCode(bob.api(pinMessage, { params: msg(news.id) }), 'chat.forbidden', 403);
    expect((await alice.api(pinMessage, { params: msg(news.id) })).pinned).toBe(true);
  });

  test('channel subscribers react and reply in threads but do not post', async () => {
    const channel = await channelOf(A);
    const news = await send(alice, channel, text('New canteen opens Monday'));
    await expectCode(send(bob, channel, text('cool')), 'chat.read_only', 403);
    await expectCode(send(bob, channel, text('cool', { replyToId: news.id })), 'chat.read_only', 403);
    const comment = await send(bob, channel, text('Great news', { threadRootId: news.id }));
    expect(comment.threadRootId).toBe(news.id);
    expect((await bob.api(addReaction, { params: { messageId: news.id, emoji: '🎉' } })).reactions[0].count).toBe(1);
  });

  test('forwarding copies a message into my chats once per clientId, recording the source', async () => {
    const src = await send(carol, group, text('the spec is final'));
    const dm = await directOf(A, C);
    const other = await groupOf(A, [B]);
    const out = await alice.api(forwardMessage, { params: msg(src.id), body: { chatIds: [dm, other], clientId: 'fw-1' } });
    expect(out.items.map((m) => m.chatId)).toEqual([dm, other]);
    expect(out.items[1]).toMatchObject({
      text: 'the spec is final',
      forwardedFrom: { chatId: group, messageId: src.id, senderId: carolId },
    });
    const again = await alice.api(forwardMessage, { params: msg(src.id), body: { chatIds: [dm, other], clientId: 'fw-1' } });
    expect(again.items.map((m) => m.id)).toEqual(out.items.map((m) => m.id));
    expect((await bob.api(listMessages, { params: chat(other), query: {} })).items).toHaveLength(1);
    // A read-only channel is not a forward target for a subscriber.
    const channel = await channelOf(A);
    await expectCode(
      bob.api(forwardMessage, { params: msg(src.id), body: { chatIds: [channel], clientId: 'fw-2' } }),
      'chat.read_only',
    );
  });
});
