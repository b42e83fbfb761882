import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { createChat, getChat, getReceipts, getUnread, listMyChats, markRead, setMuted } from '../shared/contract.js';
import { MAX_RECEIPT_MEMBERS } from '../shared/types.js';
import { insertMembers } from './member-writes.js';
import { orgWith, type Person, say } from './test/factories.js';

let t: TestApp;
let alice: Person;
let bob: Person;
let carol: Person;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgWith(t, 'alice', 'bob', 'carol');
  ({ alice, bob, carol } = org.people);
});
afterAll(async () => {
  await t.close();
});

const group = (owner: Person, members: Person[], name = 'QA weekly') =>
  owner.client.api(createChat, { body: { kind: 'group', name, memberIds: members.map((m) => m.id as never) } });

describe('read state: unread counts', () => {
  test('unread per chat and the badge; a muted chat stays out of the badge', async () => {
    const a = await group(alice, [bob], 'Batch 42 defects');
    const b = await group(alice, [bob], 'Canteen');
    for (const text of ['one', 'two', 'three']) await say(alice, a.id, text);
    for (const text of ['lunch?', 'noodles']) await say(alice, b.id, text);

    expect((await bob.client.api(getChat, { params: { chatId: a.id } })).unread).toBe(3);
    expect(await bob.client.api(getUnread)).toEqual({ total: 5, chats: { [a.id]: 3, [b.id]: 2 } });
    await bob.client.api(setMuted, { params: { chatId: b.id }, body: { muted: true } });
    const unread = await bob.client.api(getUnread);
    expect(unread.total).toBe(3);
    expect(unread.chats[b.id]).toBe(2);
    const list = await bob.client.api(listMyChats);
    expect(list.totalUnread).toBe(3);
    expect(list.items.find((c) => c.id === b.id)).toMatchObject({ muted: true, unread: 2 });
    // The sender's own messages are never unread to them, and answering marks the chat read.
    expect((await alice.client.api(getUnread)).total).toBe(0);
    await say(bob, a.id, 'on it');
    expect((await bob.client.api(getUnread)).chats[a.id] ?? 0).toBe(0);
  });

  test('the read position only moves forward and never past the newest message', async () => {
    const chat = await group(alice, [bob]);
    const messages = [];
    for (const text of ['a', 'b', 'c', 'd']) messages.push(await say(alice, chat.id, text));
    expect(await bob.client.api(markRead, { params: { chatId: chat.id }, body: { seq: messages[2].seq } })).toMatchObject({
      readSeq: messages[2].seq,
      unread: 1,
    });
    const back = await bob.client.api(markRead, { params: { chatId: chat.id }, body: { seq: messages[0].seq } });
    expect(back).toMatchObject({ readSeq: messages[2].seq, unread: 1 });
    const far = await bob.client.api(markRead, { params: { chatId: chat.id }, body: { seq: 1_000_000 } });
    expect(far).toMatchObject({ readSeq: messages[3].seq, unread: 0 });
    await say(alice, chat.id, 'e');
    expect((await bob.client.api(getChat, { params: { chatId: chat.id } })).unread).toBe(1);
  });

  test('reading on one device updates the sender’s receipts and my other devices live', async () => {
    const chat = await group(alice, [bob]);
    const msg = await say(alice, chat.id, 'Please confirm the new torque spec');
    const aliceSocket = await openSocket(t.baseUrl, { cookie: alice.client.cookieHeader() });
    await aliceSocket.subscribe(`chat:${chat.id}`);
    const bobPhone = await openSocket(t.baseUrl, { cookie: bob.client.cookieHeader() });
    await bobPhone.subscribe(`user:${bob.id}`);
    await bob.client.api(markRead, { params: { chatId: chat.id }, body: { seq: msg.seq } });
    expect(await aliceSocket.next('event')).toMatchObject({
      data: { type: 'read', chatId: chat.id, userId: bob.id, readSeq: msg.seq },
    });
    expect(await bobPhone.next('event')).toMatchObject({ data: { type: 'messenger.unread', chatId: chat.id, unread: 0 } });
    aliceSocket.close();
    bobPhone.close();
  });
});

describe('read state: receipts', () => {
  test('"read by 1 of 2" and who, without the sender', async () => {
    const chat = await group(alice, [bob, carol]);
    const msg = await say(alice, chat.id, 'Shipment leaves at 6');
    expect(await alice.client.api(getReceipts, { params: { messageId: msg.id } })).toEqual({
      readCount: 0,
      memberCount: 2,
      readBy: [],
      unreadBy: [bob.id, carol.id].sort(),
    });
    await carol.client.api(markRead, { params: { chatId: chat.id }, body: { seq: msg.seq } });
    expect(await bob.client.api(getReceipts, { params: { messageId: msg.id } })).toEqual({
      readCount: 1,
      memberCount: 2,
      readBy: [carol.id],
      unreadBy: [bob.id],
    });
  });

  test('receipts are not offered in chats above 200 members', async () => {
    const chat = await group(alice, [bob]);
    const msg = await say(alice, chat.id, 'all hands');
    const crowd = Array.from({ length: MAX_RECEIPT_MEMBERS }, (_, i) => `usr_crowd${String(i).padStart(21, '0')}`);
    await insertMembers(t.app.ctx.db, chat.id, crowd, { role: 'member', visibleFromSeq: 0, lastSeq: 0 });
    await expectCode(alice.client.api(getReceipts, { params: { messageId: msg.id } }), 'message.receipts_unavailable', 409);
  });
});
