import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import {
  addReaction,
  createChat,
  editMessage,
  getMessage,
  joinChat,
  listChatMembers,
  listMyMentions,
  listPins,
  pinMessage,
  recallMessage,
  removeChatMember,
  sendMessage,
  setMemberRole,
  transferOwnership,
} from '../shared/contract.js';
import type { MsgDb } from './message-tables.js';
import { groupOf, type Member, orgWith, text } from './test/factories.js';

/*
 * Issue 6, item 11: check-then-write races. Each test fires the racing requests together, many
 * rounds, and checks what people would see afterwards. The conditions live in the writes
 * (`where recalled_at is null`, role guards) so whichever request commits second sees the first.
 */

let t: TestApp;
let alice: Member;
let bob: Member;
let carol: Member;

const ROUNDS = 12;
const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });
const at = (m: Member) => `<at user_id="${m.id}">x</at>`;

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

function mentionRows(messageId: string) {
  const db: MsgDb = t.app.ctx.db;
  return db.selectFrom('msg_mentions').select('user_id').where('message_id', '=', messageId).execute();
}

describe('recall wins over what races it', () => {
  test('an edit racing a recall never brings back text or mentions', async () => {
    const chatId = await groupOf(alice, [bob, carol]);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await alice.client.api(sendMessage, { params: chat(chatId), body: text(`${at(bob)} draft ${round}`) });
      const [edit, recall] = await Promise.allSettled([
        alice.client.api(editMessage, { params: msg(m.id), body: { content: { text: `${at(carol)} final ${round}` } } }),
        alice.client.api(recallMessage, { params: msg(m.id) }),
      ]);
      expect(recall.status).toBe('fulfilled');
      // An edit that succeeded landed before the recall (its answer may already show the recall).
      if (edit.status === 'fulfilled' && !edit.value.recalled) expect(edit.value.text).toBe(`@x final ${round}`);
      if (edit.status === 'rejected') expect(edit.reason).toMatchObject({ code: 'message.recalled' });
      const after = await bob.client.api(getMessage, { params: msg(m.id) });
      expect(after).toMatchObject({ recalled: true, text: '', mentions: [], content: null });
      expect(await mentionRows(m.id)).toEqual([]);
      const carolsMentions = await carol.client.api(listMyMentions, { query: {} });
      expect(carolsMentions.items.map((i) => i.id)).not.toContain(m.id);
    }
  });

  test('a pin racing a recall never leaves a recalled message pinned', async () => {
    const chatId = await groupOf(alice, [bob]);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await alice.client.api(sendMessage, { params: chat(chatId), body: text(`pin me ${round}`) });
      const [pin] = await Promise.allSettled([
        bob.client.api(pinMessage, { params: msg(m.id) }),
        alice.client.api(recallMessage, { params: msg(m.id) }),
      ]);
      if (pin.status === 'rejected') expect(pin.reason).toMatchObject({ code: 'message.recalled' });
      const pins = await bob.client.api(listPins, { params: chat(chatId) });
      expect(pins.items.map((p) => p.id)).not.toContain(m.id);
    }
  });

  test('a reaction racing a recall is either refused or landed before the recall', async () => {
    const chatId = await groupOf(alice, [bob]);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await alice.client.api(sendMessage, { params: chat(chatId), body: text(`react ${round}`) });
      const [react, recall] = await Promise.allSettled([
        bob.client.api(addReaction, { params: { ...msg(m.id), emoji: '👍' } }),
        alice.client.api(recallMessage, { params: msg(m.id) }),
      ]);
      if (react.status === 'rejected') expect(react.reason).toMatchObject({ code: 'message.recalled' });
      // A reaction that was accepted landed before the recall: the recall's answer shows it.
      if (react.status === 'fulfilled' && recall.status === 'fulfilled') {
        expect(recall.value.reactions.map((r) => r.emoji)).toContain('👍');
      }
    }
  });

  test('two recalls at once: one succeeds, the other is told it was already recalled', async () => {
    const chatId = await groupOf(alice, [bob]);
    for (let round = 0; round < ROUNDS; round++) {
      const m = await alice.client.api(sendMessage, { params: chat(chatId), body: text(`twice ${round}`) });
      const results = await Promise.allSettled([
        alice.client.api(recallMessage, { params: msg(m.id) }),
        alice.client.api(recallMessage, { params: msg(m.id) }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    }
  });

  test('a thread reply racing the recall of its root is refused or was sent first', async () => {
    const chatId = await groupOf(alice, [bob]);
    const db: MsgDb = t.app.ctx.db;
    for (let round = 0; round < ROUNDS; round++) {
      const root = await alice.client.api(sendMessage, { params: chat(chatId), body: text(`root ${round}`) });
      const [reply] = await Promise.allSettled([
        bob.client.api(sendMessage, { params: chat(chatId), body: text('reply', { threadRootId: root.id }) }),
        alice.client.api(recallMessage, { params: msg(root.id) }),
      ]);
      const row = await db.selectFrom('msg_messages').selectAll().where('id', '=', root.id).executeTakeFirstOrThrow();
      // The counter on the root agrees with the replies that exist.
      expect(row.thread_reply_count).toBe(reply.status === 'fulfilled' ? 1 : 0);
      if (reply.status === 'rejected') expect(reply.reason).toMatchObject({ code: 'message.recalled' });
    }
  });
});

describe('membership and roles', () => {
  test('leaving while ownership is being handed to me never leaves a group without an owner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const chatId = await groupOf(alice, [bob, carol]);
      await Promise.allSettled([
        alice.client.api(transferOwnership, { params: chat(chatId), body: { userId: bob.id as never } }),
        bob.client.api(removeChatMember, { params: { ...chat(chatId), userId: bob.id as never } }),
      ]);
      const members = await carol.client.api(listChatMembers, { params: chat(chatId) });
      expect(members.items.filter((m) => m.role === 'owner')).toHaveLength(1);
    }
  });

  test('an admin removing someone who is being promoted to admin removes only plain members', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const chatId = await groupOf(alice, [bob, carol]);
      await alice.client.api(setMemberRole, { params: { ...chat(chatId), userId: bob.id as never }, body: { role: 'admin' } });
      const [promote, remove] = await Promise.allSettled([
        alice.client.api(setMemberRole, { params: { ...chat(chatId), userId: carol.id as never }, body: { role: 'admin' } }),
        bob.client.api(removeChatMember, { params: { ...chat(chatId), userId: carol.id as never } }),
      ]);
      // Both succeeding means an admin removed an admin (or the promotion of someone gone).
      expect(promote.status === 'fulfilled' && remove.status === 'fulfilled').toBe(false);
    }
  });

  test('joining a public group from two tabs at once announces me once', async () => {
    const socket = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
    await socket.subscribe(`user:${carol.id}`);
    for (let round = 0; round < ROUNDS; round++) {
      const group = await alice.client.api(createChat, { body: { kind: 'group', name: `Open ${round}`, visibility: 'public' } });
      await Promise.all([
        carol.client.api(joinChat, { params: chat(group.id) }),
        carol.client.api(joinChat, { params: chat(group.id) }),
      ]);
      const announced: unknown[] = [];
      for (let e = await socket.next('event', 200); e; e = await socket.next('event', 200)) {
        if ((e.data as { chatId?: string }).chatId === group.id) announced.push(e.data);
      }
      expect(announced).toEqual([{ type: 'messenger.chat_added', chatId: group.id }]);
    }
    socket.close();
  });
});
