import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../../../platform/server/db/migrator.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { freshDatabase } from '../../../platform/server/test/fresh-database.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { messengerModule } from '../module.js';
import { getChat, getUnread, listMyChats, markRead, setMuted, setNotifyLevel } from '../shared/contract.js';
import type { NotifyLevel } from '../shared/types.js';
import { groupOf, orgWith, type Person, say } from './test/factories.js';

let t: TestApp;
let alice: Person;
let bob: Person;
let admin: Person;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgWith(t, 'alice', 'bob');
  ({ alice, bob } = org.people);
  admin = org.admin;
});
afterAll(async () => {
  await t.close();
});

const cid = (id: string) => id as `chat_${string}`;
const level = (p: Person, chatId: string, l: NotifyLevel) =>
  p.client.api(setNotifyLevel, { params: { chatId: cid(chatId) }, body: { level: l } });
const viewOf = (p: Person, chatId: string) => p.client.api(getChat, { params: { chatId: cid(chatId) } });

describe('notification level per chat', () => {
  test('only "all" chats count in the badge total; the others keep their own row count', async () => {
    const loud = await groupOf(alice, [bob]);
    const quiet = await groupOf(alice, [bob]);
    const silent = await groupOf(alice, [bob]);
    for (const chat of [loud, quiet, silent]) await say(alice, chat, 'hello');
    await say(alice, quiet, 'again');
    const before = (await bob.client.api(getUnread)).total;

    await level(bob, quiet, 'mentions');
    await level(bob, silent, 'nothing');
    const unread = await bob.client.api(getUnread);
    expect(unread.total).toBe(before - 3);
    expect(unread.chats[quiet]).toBe(2);
    expect(unread.chats[silent]).toBe(1);
    const list = await bob.client.api(listMyChats);
    expect(list.totalUnread).toBe(unread.total);
    expect(list.items.find((c) => c.id === quiet)).toMatchObject({ notifyLevel: 'mentions', muted: false, unread: 2 });
    expect(list.items.find((c) => c.id === silent)).toMatchObject({ notifyLevel: 'nothing', muted: true, unread: 1 });
    expect(await viewOf(bob, loud)).toMatchObject({ notifyLevel: 'all', muted: false });

    // A new message in a "nothing" chat does not move the total.
    await say(alice, silent, 'still there?');
    expect((await bob.client.api(getUnread)).total).toBe(unread.total);
    // The level is mine alone.
    expect(await viewOf(alice, quiet)).toMatchObject({ notifyLevel: 'all' });
  });

  test('the old mute endpoint is level "nothing" and back to "all"', async () => {
    const chat = await groupOf(alice, [bob]);
    await level(bob, chat, 'mentions');
    await bob.client.api(setMuted, { params: { chatId: cid(chat) }, body: { muted: true } });
    expect(await viewOf(bob, chat)).toMatchObject({ notifyLevel: 'nothing', muted: true });
    await bob.client.api(setMuted, { params: { chatId: cid(chat) }, body: { muted: false } });
    expect(await viewOf(bob, chat)).toMatchObject({ notifyLevel: 'all', muted: false });
  });

  test('an unknown level is refused; a chat I am not in is not found', async () => {
    const chat = await groupOf(alice, [bob]);
    await expectCode(level(bob, chat, 'loud' as NotifyLevel), 'request.validation_failed', 400);
    const other = await groupOf(alice, [admin]);
    await expectCode(level(bob, other, 'all'), 'chat.not_found', 404);
  });
});

describe('unread mentions per chat', () => {
  test('messages mentioning me or @all count until I read them; my own do not', async () => {
    const chat = await groupOf(alice, [bob]);
    await level(bob, chat, 'mentions');
    await say(alice, chat, 'plain');
    expect(await viewOf(bob, chat)).toMatchObject({ unread: 1, unreadMentions: 0 });
    await say(alice, chat, `hey <at user_id="${bob.id}">bob</at>`);
    const atAll = await say(alice, chat, '<at user_id="all">all</at> standup');
    expect(await viewOf(bob, chat)).toMatchObject({ unread: 3, unreadMentions: 2 });
    // The sender's own @all is not a mention of them.
    expect(await viewOf(alice, chat)).toMatchObject({ unreadMentions: 0 });
    const listed = (await bob.client.api(listMyChats)).items.find((c) => c.id === chat);
    expect(listed?.unreadMentions).toBe(2);
    await bob.client.api(markRead, { params: { chatId: cid(chat) }, body: { seq: atAll.seq } });
    expect(await viewOf(bob, chat)).toMatchObject({ unread: 0, unreadMentions: 0 });
  });
});

test('migration: muted memberships become level "nothing", the rest "all"', async () => {
  const { handle, dispose } = await freshDatabase();
  try {
    const all = messengerModule().migrations ?? {};
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '20261204T0900'));
    await migrate(handle.db, [before]);
    const db = handle.db as never as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto('msg_chats')
      .values({
        id: 'chat_1',
        kind: 'group',
        name: 'g',
        visibility: 'private',
        settings: '{}',
        created_by: 'u',
        created_at: 1,
        updated_at: 1,
      })
      .execute();
    const member = (user_id: string, muted: number) => ({ chat_id: 'chat_1', user_id, role: 'member', joined_at: 1, muted });
    await db
      .insertInto('msg_members')
      .values([member('usr_m', 1), member('usr_l', 0)])
      .execute();

    await migrate(handle.db, [all]);
    const rows = await db.selectFrom('msg_members').select(['user_id', 'notify_level']).orderBy('user_id').execute();
    expect(rows).toEqual([
      { user_id: 'usr_l', notify_level: 'all' },
      { user_id: 'usr_m', notify_level: 'nothing' },
    ]);
  } finally {
    await dispose();
  }
});
