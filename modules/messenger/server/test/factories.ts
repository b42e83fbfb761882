import type { TestApp, TestClient } from '../../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../../accounts/server/test/factories.js';
import { addChatMembers, createChat, openDirectChat, sendMessage, setMuted } from '../../shared/contract.js';
import type { ChatSettings } from '../../shared/types.js';
import type { MessengerDb } from '../tables.js';

/** A signed-in person in a test. */
export interface Member {
  client: TestClient;
  id: string;
}
export type Person = Member;

const uid = (id: string) => id as `usr_${string}`;
const cid = (id: string) => id as `chat_${string}`;

/** A group `owner` creates with `members`, through the real endpoint; returns its id. */
export async function groupOf(owner: Member, members: Member[], settings: Partial<ChatSettings> = {}): Promise<string> {
  const chat = await owner.client.api(createChat, {
    body: { kind: 'group', name: 'Project', memberIds: members.map((m) => uid(m.id)), settings },
  });
  return chat.id;
}

/** The direct chat of two people. */
export async function directOf(a: Member, b: Member): Promise<string> {
  return (await a.client.api(openDirectChat, { body: { userId: uid(b.id) } })).id;
}

/** An announcement channel an org admin creates; everybody in the organization subscribes. */
export async function channelOf(admin: Member): Promise<string> {
  return (await admin.client.api(createChat, { body: { kind: 'channel', name: 'News' } })).id;
}

export async function addMembers(by: Member, chatId: string, members: Member[]): Promise<void> {
  await by.client.api(addChatMembers, { params: { chatId: cid(chatId) }, body: { userIds: members.map((m) => uid(m.id)) } });
}

export async function mute(m: Member, chatId: string): Promise<void> {
  await m.client.api(setMuted, { params: { chatId: cid(chatId) }, body: { muted: true } });
}

/** A text message body for sendMessage. */
export function text(s: string, extra: { clientId?: string; replyToId?: string; threadRootId?: string } = {}) {
  return {
    clientId: extra.clientId ?? `c-${Math.random().toString(36).slice(2)}`,
    kind: 'text',
    content: { text: s },
    ...(extra.replyToId ? { replyToId: extra.replyToId as `msg_${string}` } : {}),
    ...(extra.threadRootId ? { threadRootId: extra.threadRootId as `msg_${string}` } : {}),
  };
}

/** Moves a message's send time into the past (edit-window tests cannot wait 24 hours). */
export async function ageMessage(t: TestApp, messageId: string, ms: number): Promise<void> {
  const db: MessengerDb = t.app.ctx.db;
  await db
    .updateTable('msg_messages')
    .set((eb) => ({ created_at: eb('created_at', '-', ms) }))
    .where('id', '=', messageId)
    .execute();
}

/** An organization with an admin (the first person) and `names.length` more people, all signed in. */
export async function orgWith(t: TestApp, ...names: string[]): Promise<{ admin: Member; people: Record<string, Member> }> {
  const { admin, me } = await setupOrg(t);
  const people: Record<string, Member> = {};
  for (const name of names) {
    const { client, me } = await invitePerson(t, admin, { email: `${name}@acme.test`, displayName: name });
    people[name] = { client, id: me.user.id };
  }
  return { admin: { client: admin, id: me.user.id }, people };
}

let counter = 0;

/** Sends a text message through the real endpoint; returns it. */
export function say(person: Member, chatId: string, text: string) {
  counter += 1;
  return person.client.api(sendMessage, {
    params: { chatId: chatId as never },
    body: { clientId: `c-${Date.now()}-${counter}`, kind: 'text', content: { text } },
  });
}
