import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSocket } from '../../../platform/server/realtime/test/test-socket.js';
import { invitePerson } from '../../accounts/server/test/factories.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { setMemberActive } from '../../accounts/shared/contract.js';
import { createDepartment, updateDepartment, updateMember } from '../../org/shared/contract.js';
import {
  addChatMembers,
  createChat,
  createDepartmentChat,
  getChat,
  listChatMembers,
  removeChatMember,
  setMemberRole,
  transferOwnership,
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

const group = (owner: Person, members: Person[]) =>
  owner.client.api(createChat, { body: { kind: 'group', name: 'Supplier audit', memberIds: members.map((m) => m.id as never) } });
const memberIds = async (viewer: Person, chatId: string) =>
  (await viewer.client.api(listChatMembers, { params: { chatId: chatId as never } })).items.map((m) => m.userId).sort();

describe('membership: leaving, removing, roles', () => {
  test('a member leaves; the owner must hand the group over first', async () => {
    const chat = await group(alice, [bob, carol]);
    await bob.client.api(removeChatMember, { params: { chatId: chat.id, userId: bob.id as never } });
    await expectCode(bob.client.api(getChat, { params: { chatId: chat.id } }), 'chat.not_found', 404);
    await expectCode(
      alice.client.api(removeChatMember, { params: { chatId: chat.id, userId: alice.id as never } }),
      'chat.owner_cannot_leave',
      409,
    );
    const handed = await alice.client.api(transferOwnership, {
      params: { chatId: chat.id },
      body: { userId: carol.id as never },
    });
    expect(handed).toMatchObject({ ownerId: carol.id, myRole: 'admin' });
    await alice.client.api(removeChatMember, { params: { chatId: chat.id, userId: alice.id as never } });
    expect(await memberIds(carol, chat.id)).toEqual([carol.id]);
  });

  test('admins remove members but not the owner or other admins; the owner removes anyone', async () => {
    const chat = await group(alice, [bob, carol, dave]);
    const params = (u: Person) => ({ chatId: chat.id, userId: u.id as never });
    await expectCode(bob.client.api(removeChatMember, { params: params(carol) }), 'chat.forbidden', 403);
    await alice.client.api(setMemberRole, { params: params(bob), body: { role: 'admin' } });
    await alice.client.api(setMemberRole, { params: params(carol), body: { role: 'admin' } });
    await expectCode(bob.client.api(removeChatMember, { params: params(alice) }), 'chat.forbidden', 403);
    await expectCode(bob.client.api(removeChatMember, { params: params(carol) }), 'chat.forbidden', 403);
    await expectCode(bob.client.api(setMemberRole, { params: params(dave), body: { role: 'admin' } }), 'chat.forbidden', 403);
    await bob.client.api(removeChatMember, { params: params(dave) });
    await alice.client.api(removeChatMember, { params: params(carol) });
    expect(await memberIds(alice, chat.id)).toEqual([alice.id, bob.id].sort());
  });

  test('a group has at most 10 admins', async () => {
    const extra: Person[] = [];
    for (let i = 0; i < 11; i++) {
      const { client, me } = await invitePerson(t, admin.client, { email: `staff${i}@acme.test`, displayName: `staff ${i}` });
      extra.push({ client, id: me.user.id });
    }
    const chat = await group(alice, extra);
    for (const p of extra.slice(0, 10)) {
      await alice.client.api(setMemberRole, { params: { chatId: chat.id, userId: p.id as never }, body: { role: 'admin' } });
    }
    const err = await expectCode(
      alice.client.api(setMemberRole, { params: { chatId: chat.id, userId: extra[10].id as never }, body: { role: 'admin' } }),
      'chat.too_many_admins',
      409,
    );
    expect(err.message).toContain('10');
    await alice.client.api(setMemberRole, {
      params: { chatId: chat.id, userId: extra[0].id as never },
      body: { role: 'member' },
    });
    await alice.client.api(setMemberRole, {
      params: { chatId: chat.id, userId: extra[10].id as never },
      body: { role: 'admin' },
    });
  });
});

describe('membership: live subscriptions', () => {
  test('a non-member cannot subscribe to a chat; a removed member is cut off at once', async () => {
    const chat = await group(alice, [bob]);
    const outsider = await openSocket(t.baseUrl, { cookie: dave.client.cookieHeader() });
    expect(await outsider.subscribe(`chat:${chat.id}`)).toMatchObject({ type: 'error' });
    outsider.close();

    const socket = await openSocket(t.baseUrl, { cookie: bob.client.cookieHeader() });
    expect(await socket.subscribe(`chat:${chat.id}`)).toMatchObject({ type: 'subscribed' });
    await say(alice, chat.id, 'before');
    expect(await socket.next('event')).toMatchObject({ data: { type: 'message.created' } });

    await alice.client.api(removeChatMember, { params: { chatId: chat.id, userId: bob.id as never } });
    expect(await socket.next('revoked')).toMatchObject({ topic: `chat:${chat.id}` });
    await say(alice, chat.id, 'after');
    expect(await socket.next('event', 300)).toBeUndefined();
    expect(await socket.subscribe(`chat:${chat.id}`)).toMatchObject({ type: 'error' });
    socket.close();
  });

  test('people hear on their own topic when they are added to or removed from a chat', async () => {
    const socket = await openSocket(t.baseUrl, { cookie: carol.client.cookieHeader() });
    await socket.subscribe(`user:${carol.id}`);
    const chat = await group(alice, [bob]);
    await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [carol.id as never] } });
    expect(await socket.next('event')).toMatchObject({ data: { type: 'messenger.chat_added', chatId: chat.id } });
    await alice.client.api(removeChatMember, { params: { chatId: chat.id, userId: carol.id as never } });
    expect(await socket.next('event')).toMatchObject({ data: { type: 'messenger.chat_removed', chatId: chat.id } });
    socket.close();
  });
});

describe('membership: department groups follow the org chart', () => {
  test('people moving in and out of the subtree, and whole departments moving, change the group', async () => {
    const sales = await admin.client.api(createDepartment, { body: { name: 'Sales' } });
    const east = await admin.client.api(createDepartment, { body: { name: 'East', parentId: sales.id } });
    const ops = await admin.client.api(createDepartment, { body: { name: 'Ops' } });
    const depot = await admin.client.api(createDepartment, { body: { name: 'Depot', parentId: ops.id } });
    await admin.client.api(updateMember, { params: { userId: alice.id as never }, body: { departmentIds: [sales.id] } });
    await admin.client.api(updateMember, { params: { userId: bob.id as never }, body: { departmentIds: [east.id] } });
    await admin.client.api(updateMember, { params: { userId: carol.id as never }, body: { departmentIds: [depot.id] } });

    const chat = await admin.client.api(createDepartmentChat, { body: { departmentId: sales.id } });
    expect(await memberIds(admin, chat.id)).toEqual([admin.id, alice.id, bob.id].sort());
    await expectCode(
      admin.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [dave.id as never] } }),
      'chat.department_managed',
      409,
    );
    await expectCode(
      admin.client.api(removeChatMember, { params: { chatId: chat.id, userId: bob.id as never } }),
      'chat.department_managed',
      409,
    );

    // Bob moves to Ops: he leaves the group and his live subscription ends.
    const bobSocket = await openSocket(t.baseUrl, { cookie: bob.client.cookieHeader() });
    expect(await bobSocket.subscribe(`chat:${chat.id}`)).toMatchObject({ type: 'subscribed' });
    await admin.client.api(updateMember, { params: { userId: bob.id as never }, body: { departmentIds: [ops.id] } });
    expect(await bobSocket.next('revoked')).toMatchObject({ topic: `chat:${chat.id}` });
    bobSocket.close();
    expect(await memberIds(admin, chat.id)).toEqual([admin.id, alice.id].sort());

    // Depot (with carol) moves under Sales: carol joins; moving it back takes her out again.
    await admin.client.api(updateDepartment, { params: { departmentId: depot.id }, body: { parentId: sales.id } });
    expect(await memberIds(admin, chat.id)).toEqual([admin.id, alice.id, carol.id].sort());
    await admin.client.api(updateDepartment, { params: { departmentId: depot.id }, body: { parentId: ops.id } });
    expect(await memberIds(admin, chat.id)).toEqual([admin.id, alice.id].sort());
  });

  test('a deactivated member keeps their place (and content); new groups skip them', async () => {
    const legal = await admin.client.api(createDepartment, { body: { name: 'Legal' } });
    await admin.client.api(updateMember, { params: { userId: dave.id as never }, body: { departmentIds: [legal.id] } });
    const chat = await admin.client.api(createDepartmentChat, { body: { departmentId: legal.id } });
    await say(dave, chat.id, 'contract draft v2 attached');
    await admin.client.api(setMemberActive, { params: { userId: dave.id as never }, body: { status: 'deactivated' } });
    expect(await memberIds(admin, chat.id)).toContain(dave.id);
    const later = await admin.client.api(createDepartmentChat, { body: { departmentId: legal.id, name: 'Legal (2)' } });
    expect(await memberIds(admin, later.id)).toEqual([admin.id]);
    await admin.client.api(setMemberActive, { params: { userId: dave.id as never }, body: { status: 'active' } });
    expect(await memberIds(admin, later.id)).toEqual([admin.id, dave.id].sort());
  });
});
