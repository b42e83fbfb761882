import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { addChatMembers, createChat, getChat, joinChat, listMessages, removeChatMember } from '../shared/contract.js';
import type { MessageView } from '../shared/types.js';
import { orgWith, type Person, say } from './test/factories.js';

let t: TestApp;
let alice: Person;
let bob: Person;
let carol: Person;
let dan: Person;
let eve: Person;
let crowd: Person[];

beforeAll(async () => {
  t = await startTestApp();
  const { people } = await orgWith(t, 'alice', 'bob', 'carol', 'dan', 'eve', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7');
  ({ alice, bob, carol, dan, eve } = people);
  crowd = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((n) => people[n]);
});
afterAll(async () => {
  await t.close();
});

const lines = async (viewer: Person, chatId: string) =>
  (await viewer.client.api(listMessages, { params: { chatId: chatId as never } })).items.map((m: MessageView) =>
    m.kind === 'system' ? { system: m.content } : { text: m.text },
  );

describe('system lines for membership changes', () => {
  test('adding, joining, leaving and removing each leave one structured line everyone in the chat reads', async () => {
    const chat = await alice.client.api(createChat, {
      body: { kind: 'group', name: 'Launch', visibility: 'public', memberIds: [dan.id as never] },
    });
    await alice.client.api(addChatMembers, {
      params: { chatId: chat.id },
      body: { userIds: [bob.id as never, carol.id as never] },
    });
    await eve.client.api(joinChat, { params: { chatId: chat.id } });
    await dan.client.api(removeChatMember, { params: { chatId: chat.id, userId: dan.id as never } });
    await alice.client.api(removeChatMember, { params: { chatId: chat.id, userId: carol.id as never } });
    // Adding someone already there changes nothing, so says nothing.
    await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [bob.id as never] } });

    expect(await lines(bob, chat.id)).toEqual([
      { system: { event: 'members.added', params: { actorId: alice.id, targetIds: `${bob.id},${carol.id}` } } },
      { system: { event: 'member.joined', params: { actorId: eve.id } } },
      { system: { event: 'member.left', params: { actorId: dan.id } } },
      { system: { event: 'member.removed', params: { actorId: alice.id, targetId: carol.id } } },
    ]);
    // The line is news for the others, not for whoever did it or was added.
    expect((await alice.client.api(getChat, { params: { chatId: chat.id } })).unread).toBe(0);
    expect((await bob.client.api(getChat, { params: { chatId: chat.id } })).unread).toBe(3);
  });

  test('with hidden history a newcomer reads the line announcing them and nothing before it', async () => {
    const chat = await alice.client.api(createChat, {
      body: { kind: 'group', name: 'Board', memberIds: [bob.id as never], settings: { historyVisible: false } },
    });
    await say(alice, chat.id, 'Salaries for next year');
    await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: [carol.id as never] } });
    expect(await lines(carol, chat.id)).toEqual([
      { system: { event: 'members.added', params: { actorId: alice.id, targetIds: carol.id } } },
    ]);
  });

  test('a big add names five people and counts the rest', async () => {
    const chat = await alice.client.api(createChat, { body: { kind: 'group', name: 'Crowd', memberIds: [bob.id as never] } });
    await alice.client.api(addChatMembers, { params: { chatId: chat.id }, body: { userIds: crowd.map((p) => p.id as never) } });
    const [line] = await lines(bob, chat.id);
    const params = (line as { system: { params: Record<string, string> } }).system.params;
    expect(params.targetIds.split(',')).toHaveLength(5);
    expect(params.more).toBe('2');
  });
});
