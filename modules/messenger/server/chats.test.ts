import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson } from '../../accounts/server/test/factories.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { createDepartment } from '../../org/shared/contract.js';
import {
  addChatMembers,
  createChat,
  createDepartmentChat,
  getChat,
  getReceipts,
  joinChat,
  listChatMembers,
  listMessages,
  listMyChats,
  listPublicChats,
  markRead,
  openDirectChat,
  removeChatMember,
  setAnnouncement,
  setMemberRole,
  setMuted,
  transferOwnership,
  updateChat,
} from '../shared/contract.js';
import { orgWith, type Person, say } from './test/factories.js';

let t: TestApp;
let admin: Person;
let alice: Person;
let bob: Person;
let carol: Person;
let dave: Person;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgWith(t, 'alice', 'bob', 'carol', 'dave');
  admin = org.admin;
  ({ alice, bob, carol, dave } = org.people);
});
afterAll(async () => {
  await t.close();
});

const group = (owner: Person, members: Person[], extra: Record<string, unknown> = {}) =>
  owner.client.api(createChat, {
    body: { kind: 'group', name: 'Line 3 retrofit', memberIds: members.map((m) => m.id as never), ...extra },
  });

describe('chats: creating', () => {
  test('a group is owned by its creator and holds the people named', async () => {
    const chat = await group(alice, [bob, carol], { description: 'Shenzhen plant' });
    expect(chat).toMatchObject({ kind: 'group', name: 'Line 3 retrofit', ownerId: alice.id, myRole: 'owner', memberCount: 3 });
    expect((await bob.client.api(getChat, { params: { chatId: chat.id } })).myRole).toBe('member');
    const members = await alice.client.api(listChatMembers, { params: { chatId: chat.id } });
    expect(members.items.map((m) => m.userId).sort()).toEqual([alice.id, bob.id, carol.id].sort());
  });

  test('a private group needs somebody besides its creator; a public one may wait for people to join', async () => {
    await expectCode(group(alice, []), 'chat.too_few_members', 400);
    await expectCode(group(alice, [alice]), 'chat.too_few_members', 400);
    expect((await group(alice, [], { visibility: 'public' })).memberCount).toBe(1);
  });

  test('people who do not exist cannot be put in a group', async () => {
    await expectCode(
      alice.client.api(createChat, {
        body: { kind: 'group', name: 'x', memberIds: ['usr_00000000000000000000000000' as never] },
      }),
      'chat.invalid_members',
      400,
    );
  });

  test('only organization admins create announcement channels, which reach everyone as subscribers', async () => {
    await expectCode(alice.client.api(createChat, { body: { kind: 'channel', name: 'OKAI Frontline' } }), 'auth.forbidden', 403);
    const channel = await admin.client.api(createChat, { body: { kind: 'channel', name: 'OKAI Frontline' } });
    expect(channel).toMatchObject({ kind: 'channel', myRole: 'owner', memberCount: 5 });
    const seen = await dave.client.api(getChat, { params: { chatId: channel.id } });
    expect(seen.myRole).toBe('subscriber');

    // Subscribers react and discuss in threads, but only the owner and admins post.
    await expectCode(say(dave, channel.id, 'hello all'), 'chat.read_only', 403);
    const post = await say(admin, channel.id, 'Quarterly safety week starts Monday');
    await expect(
      dave.client.api((await import('../shared/contract.js')).sendMessage, {
        params: { chatId: channel.id },
        body: { clientId: 'thread-1', kind: 'text', content: { text: 'Noted' }, threadRootId: post.id },
      }),
    ).resolves.toMatchObject({ threadRootId: post.id });
    await admin.client.api(setMemberRole, { params: { chatId: channel.id, userId: dave.id as never }, body: { role: 'admin' } });
    await expect(say(dave, channel.id, 'Editors may post')).resolves.toMatchObject({ senderId: dave.id });
  });

  test('a channel scoped to a department reaches only that subtree', async () => {
    const plant = await admin.client.api(createDepartment, { body: { name: 'Plant A' } });
    const line = await admin.client.api(createDepartment, { body: { name: 'Line 1', parentId: plant.id } });
    const { updateMember } = await import('../../org/shared/contract.js');
    await admin.client.api(updateMember, { params: { userId: carol.id as never }, body: { departmentIds: [line.id] } });
    const channel = await admin.client.api(createChat, {
      body: { kind: 'channel', name: 'Plant A news', scopeDepartmentIds: [plant.id] },
    });
    expect(channel.memberCount).toBe(2); // the admin who runs it and carol (in a sub-department)
    await expectCode(bob.client.api(getChat, { params: { chatId: channel.id } }), 'chat.not_found', 404);
  });

  test('a direct chat exists once per pair, from either side, and never with oneself', async () => {
    const first = await alice.client.api(openDirectChat, { body: { userId: bob.id as never } });
    const again = await alice.client.api(openDirectChat, { body: { userId: bob.id as never } });
    const fromBob = await bob.client.api(openDirectChat, { body: { userId: alice.id as never } });
    expect(again.id).toBe(first.id);
    expect(fromBob.id).toBe(first.id);
    expect(first).toMatchObject({ kind: 'direct', name: 'bob', peerId: bob.id, memberCount: 2 });
    expect(fromBob).toMatchObject({ name: 'alice', peerId: alice.id });
    await expectCode(alice.client.api(openDirectChat, { body: { userId: alice.id as never } }), 'chat.direct_self', 400);
    const both = await Promise.all([
      carol.client.api(openDirectChat, { body: { userId: dave.id as never } }),
      dave.client.api(openDirectChat, { body: { userId: carol.id as never } }),
    ]);
    expect(both[0].id).toBe(both[1].id);
    await expectCode(
      alice.client.api(addChatMembers, { params: { chatId: first.id }, body: { userIds: [carol.id as never] } }),
      'chat.forbidden',
    );
  });

  test('only organization admins create department groups', async () => {
    const dep = await admin.client.api(createDepartment, { body: { name: 'Finance' } });
    await expectCode(alice.client.api(createDepartmentChat, { body: { departmentId: dep.id } }), 'auth.forbidden', 403);
    const chat = await admin.client.api(createDepartmentChat, { body: { departmentId: dep.id } });
    expect(chat).toMatchObject({ kind: 'department', name: 'Finance', departmentId: dep.id });
  });
});

describe('chats: adding people and history', () => {
  test('whoMayAdd: admins stops plain members from adding people', async () => {
    const chat = await group(alice, [bob], { settings: { whoMayAdd: 'admins' } });
    await expectCode(
      bob.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [carol.id as never] } }),
      'chat.forbidden',
      403,
    );
    await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [carol.id as never] } });
    expect((await carol.client.api(getChat, { params: { chatId: chat.id } })).myRole).toBe('member');

    const open = await group(alice, [bob]);
    await bob.client.api(addChatMembers, { params: { chatId: open.id }, body: { userIds: [dave.id as never] } });
    expect((await dave.client.api(getChat, { params: { chatId: open.id } })).memberCount).toBe(3);
  });

  test('newcomers see earlier messages only when the group shows its history', async () => {
    const shown = await group(alice, [bob]);
    const hidden = await group(alice, [bob], { settings: { historyVisible: false } });
    for (const chat of [shown, hidden]) {
      await say(alice, chat.id, 'Background: the supplier changed in May');
      await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [carol.id as never] } });
      await say(bob, chat.id, 'Welcome carol');
    }
    const full = await carol.client.api(listMessages, { params: { chatId: shown.id } });
    expect(full.items.map((m) => m.text)).toEqual(['Background: the supplier changed in May', 'members.added', 'Welcome carol']);
    const partial = await carol.client.api(listMessages, { params: { chatId: hidden.id } });
    // The system line announcing carol is the first thing she sees.
    expect(partial.items.map((m) => m.text)).toEqual(['members.added', 'Welcome carol']);
    // What was said before joining is history, not unread.
    expect((await carol.client.api(getChat, { params: { chatId: shown.id } })).unread).toBe(1);
    const hiddenView = await carol.client.api(getChat, { params: { chatId: hidden.id } });
    expect(hiddenView).toMatchObject({ unread: 1, lastMessage: { text: 'Welcome carol' } });
  });
});

describe('chats: public groups, settings, listing', () => {
  test('a public group can be found and joined; a private one stays invisible', async () => {
    const open = await group(alice, [], { name: 'Badminton club', visibility: 'public' });
    const closed = await group(alice, [bob], { name: 'Badminton board' });
    const found = await dave.client.api(listPublicChats, { query: { q: 'badminton' } });
    expect(found.items.map((c) => c.id)).toEqual([open.id]);
    expect(await dave.client.api(getChat, { params: { chatId: open.id } })).toMatchObject({ myRole: null, memberCount: 1 });
    await expectCode(dave.client.api(listChatMembers, { params: { chatId: open.id } }), 'chat.not_found', 404);
    const joined = await dave.client.api(joinChat, { params: { chatId: open.id } });
    expect(joined).toMatchObject({ myRole: 'member', memberCount: 2 });
    await expectCode(dave.client.api(joinChat, { params: { chatId: closed.id } }), 'chat.not_found', 404);
  });

  test('owner and admins rename, set settings and the pinned announcement; members cannot', async () => {
    const chat = await group(alice, [bob]);
    await expectCode(
      bob.client.api(updateChat, { params: { chatId: chat.id }, body: { name: 'Mine now' } }),
      'chat.forbidden',
      403,
    );
    await expectCode(bob.client.api(setAnnouncement, { params: { chatId: chat.id }, body: { text: 'x' } }), 'chat.forbidden');
    const renamed = await alice.client.api(updateChat, {
      params: { chatId: chat.id },
      body: { name: 'Line 3 retrofit (phase 2)', settings: { atAll: 'admins' } },
    });
    expect(renamed.name).toBe('Line 3 retrofit (phase 2)');
    expect(renamed.settings).toEqual({ whoMayAdd: 'everyone', historyVisible: true, atAll: 'admins' });
    await alice.client.api(setMemberRole, { params: { chatId: chat.id, userId: bob.id as never }, body: { role: 'admin' } });
    const announced = await bob.client.api(setAnnouncement, {
      params: { chatId: chat.id },
      body: { text: 'Kick-off Friday 10:00' },
    });
    expect(announced.announcement).toMatchObject({ text: 'Kick-off Friday 10:00', updatedBy: bob.id });
    const cleared = await alice.client.api(setAnnouncement, { params: { chatId: chat.id }, body: { text: '' } });
    expect(cleared.announcement).toBeNull();
  });

  test('my chats come most recent first, page by cursor and filter by name or the other person', async () => {
    const { people } = { people: { erin: await freshPerson('erin') } };
    const erin = people.erin;
    const a = await group(erin, [], { name: 'Alpha', visibility: 'public' });
    const b = await group(erin, [], { name: 'Beta', visibility: 'public' });
    const dm = await erin.client.api(openDirectChat, { body: { userId: alice.id as never } });
    await say(erin, a.id, 'newest activity');
    const page1 = await erin.client.api(listMyChats, { query: { limit: 2 } });
    expect(page1.items.map((c) => c.id)).toEqual([a.id, dm.id]);
    expect(page1.items[0].lastMessage).toMatchObject({ text: 'newest activity', senderId: erin.id });
    const page2 = await erin.client.api(listMyChats, { query: { limit: 2, cursor: page1.nextCursor! } });
    expect(page2.items.map((c) => c.id)).toEqual([b.id]);
    expect(page2.nextCursor).toBeNull();
    expect((await erin.client.api(listMyChats, { query: { q: 'bet' } })).items.map((c) => c.id)).toEqual([b.id]);
    expect((await erin.client.api(listMyChats, { query: { q: 'alice' } })).items.map((c) => c.id)).toEqual([dm.id]);
    await expectCode(erin.client.api(listMyChats, { query: { cursor: 'garbage' } }), 'request.validation_failed', 400);
  });
});

async function freshPerson(name: string): Promise<Person> {
  const { client, me } = await invitePerson(t, admin.client, { email: `${name}@acme.test`, displayName: name });
  return { client, id: me.user.id };
}

describe('chats: a non-member learns nothing', () => {
  test('every chat endpoint answers chat.not_found to someone outside the chat', async () => {
    const chat = await group(alice, [bob], { name: 'Secret pricing' });
    const msg = await say(alice, chat.id, 'confidential');
    const params = { chatId: chat.id };
    const calls: Array<() => Promise<unknown>> = [
      () => dave.client.api(getChat, { params }),
      () => dave.client.api(updateChat, { params, body: { name: 'pwned' } }),
      () => dave.client.api(setAnnouncement, { params, body: { text: 'pwned' } }),
      () => dave.client.api(listChatMembers, { params }),
      () => dave.client.api(addChatMembers, { params, body: { userIds: [dave.id as never] } }),
      () => dave.client.api(removeChatMember, { params: { chatId: chat.id, userId: bob.id as never } }),
      () => dave.client.api(removeChatMember, { params: { chatId: chat.id, userId: dave.id as never } }),
      () => dave.client.api(joinChat, { params }),
      () => dave.client.api(setMemberRole, { params: { chatId: chat.id, userId: dave.id as never }, body: { role: 'admin' } }),
      () => dave.client.api(transferOwnership, { params, body: { userId: dave.id as never } }),
      () => dave.client.api(setMuted, { params, body: { muted: true } }),
      () => dave.client.api(markRead, { params, body: { seq: 1 } }),
    ];
    for (const call of calls) await expectCode(call(), 'chat.not_found', 404);
    // Message endpoints answer as for a made-up message id (see idempotency-and-oracles.test.ts).
    await expectCode(dave.client.api(getReceipts, { params: { messageId: msg.id } }), 'message.not_found', 404);
    expect((await dave.client.api(listMyChats, { query: { q: 'Secret' } })).items).toEqual([]);
    expect((await bob.client.api(getChat, { params })).memberCount).toBe(2);
  });
});
