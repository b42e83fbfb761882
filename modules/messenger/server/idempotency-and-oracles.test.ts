import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import {
  addReaction,
  editMessage,
  forwardMessage,
  getMessage,
  getReceipts,
  getThread,
  listMessages,
  pinMessage,
  recallMessage,
  removeReaction,
  sendMessage,
  setThreadFollow,
  unpinMessage,
} from '../shared/contract.js';
import { MAX_MENTIONS } from '../shared/message-types.js';
import { addMembers, groupOf, type Member, orgWith, text } from './test/factories.js';

/*
 * Issue 6, items 6b, 8a and 8b: oversized mention lists are refused instead of failing in SQL;
 * no endpoint that takes a message id tells "exists elsewhere" from "does not exist"; and a
 * client id names one operation on one payload, never another message.
 */

let t: TestApp;
let alice: Member;
let bob: Member;
let mallory: Member;

const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });
const fakeUser = (i: number) => `usr_01M8${i.toString().padStart(22, '0')}`;

beforeAll(async () => {
  t = await startTestApp();
  const org = await orgWith(t, 'bob', 'mallory');
  alice = org.admin;
  bob = org.people.bob;
  mallory = org.people.mallory;
});
afterAll(async () => {
  await t?.close();
});

describe('mentions per message are capped (item 6b)', () => {
  const post = (userIds: string[]) => ({
    clientId: `c-${Math.random().toString(36).slice(2)}`,
    kind: 'post',
    content: { content: [userIds.map((user_id) => ({ tag: 'at', user_id }))] },
  });

  test(`a post that @mentions thousands of people is refused with a code, not a 500`, async () => {
    const chatId = await groupOf(alice, [bob]);
    const many = Array.from({ length: 6600 }, (_, i) => fakeUser(i));
    // Rows hold at most 500 inline elements: spread the mentions over paragraphs.
    const rows: string[][] = [];
    for (let i = 0; i < many.length; i += 500) rows.push(many.slice(i, i + 500));
    const body = {
      clientId: 'many-mentions',
      kind: 'post',
      content: { content: rows.map((r) => r.map((user_id) => ({ tag: 'at', user_id }))) },
    };
    const err = await expectCode(alice.client.api(sendMessage, { params: chat(chatId), body }), 'message.too_many_mentions', 400);
    expect(err.message).toContain(String(MAX_MENTIONS));
  });

  test('exactly the cap is fine, one more is refused, and an edit cannot go past it either', async () => {
    const chatId = await groupOf(alice, [bob]);
    const ok = await alice.client.api(sendMessage, {
      params: chat(chatId),
      body: post(Array.from({ length: MAX_MENTIONS }, (_, i) => fakeUser(i))),
    });
    expect(ok.mentions).toHaveLength(MAX_MENTIONS);
    await expectCode(
      alice.client.api(sendMessage, {
        params: chat(chatId),
        body: post(Array.from({ length: MAX_MENTIONS + 1 }, (_, i) => fakeUser(i))),
      }),
      'message.too_many_mentions',
      400,
    );
    const small = await alice.client.api(sendMessage, { params: chat(chatId), body: post([fakeUser(0)]) });
    const tooMany = post(Array.from({ length: MAX_MENTIONS + 1 }, (_, i) => fakeUser(i))).content;
    await expectCode(
      alice.client.api(editMessage, { params: msg(small.id), body: { content: tooMany } }),
      'message.too_many_mentions',
      400,
    );
  });
});

describe('a message id elsewhere answers like a made-up one (item 8a)', () => {
  test('every endpoint that takes a message id gives the same answer for both', async () => {
    const mine = await groupOf(mallory, [alice]);
    const theirs = await groupOf(alice, [bob]);
    const elsewhere = await alice.client.api(sendMessage, { params: chat(theirs), body: text('not for Mallory') });
    const hiddenChat = await groupOf(alice, [bob], { historyVisible: false });
    const before = await alice.client.api(sendMessage, { params: chat(hiddenChat), body: text('before Mallory joined') });
    await addMembers(alice, hiddenChat, [mallory]);
    const madeUp = 'msg_01M8ZZZZZZZZZZZZZZZZZZZZZZ';

    const probes: Array<[string, (id: string) => Promise<unknown>]> = [
      ['get', (id) => mallory.client.api(getMessage, { params: msg(id) })],
      ['thread', (id) => mallory.client.api(getThread, { params: msg(id), query: {} })],
      ['follow', (id) => mallory.client.api(setThreadFollow, { params: msg(id), body: { following: true } })],
      ['edit', (id) => mallory.client.api(editMessage, { params: msg(id), body: { content: { text: 'x' } } })],
      ['recall', (id) => mallory.client.api(recallMessage, { params: msg(id) })],
      ['react', (id) => mallory.client.api(addReaction, { params: { ...msg(id), emoji: '👍' } })],
      ['unreact', (id) => mallory.client.api(removeReaction, { params: { ...msg(id), emoji: '👍' } })],
      ['pin', (id) => mallory.client.api(pinMessage, { params: msg(id) })],
      ['unpin', (id) => mallory.client.api(unpinMessage, { params: msg(id) })],
      [
        'forward',
        (id) => mallory.client.api(forwardMessage, { params: msg(id), body: { chatIds: [chat(mine).chatId], clientId: 'f' } }),
      ],
      ['receipts', (id) => mallory.client.api(getReceipts, { params: msg(id) })],
      ['around', (id) => mallory.client.api(listMessages, { params: chat(mine), query: { around: msg(id).messageId } })],
      ['reply', (id) => mallory.client.api(sendMessage, { params: chat(mine), body: text('re', { replyToId: id }) })],
      ['thread reply', (id) => mallory.client.api(sendMessage, { params: chat(mine), body: text('re', { threadRootId: id }) })],
    ];
    for (const [name, probe] of probes) {
      for (const id of [elsewhere.id, before.id, madeUp]) {
        const err = await expectCode(probe(id), 'message.not_found', 404).catch((e) => {
          throw new Error(
            `${name} on ${id === madeUp ? 'a made-up id' : id === before.id ? 'hidden history' : 'another chat'}: ${e}`,
          );
        });
        expect(err.status).toBe(404);
      }
    }
  });
});

describe('a client id names one operation on one payload (item 8b)', () => {
  test('reusing a forward client id for another message is refused instead of returning the first forward', async () => {
    const source = await groupOf(alice, [bob]);
    const target = await groupOf(alice, [bob]);
    const one = await alice.client.api(sendMessage, { params: chat(source), body: text('first') });
    const two = await alice.client.api(sendMessage, { params: chat(source), body: text('second') });
    const body = { chatIds: [chat(target).chatId], clientId: 'fw-1' };
    const first = await alice.client.api(forwardMessage, { params: msg(one.id), body });
    // A retry of the same forward is the same message.
    const retry = await alice.client.api(forwardMessage, { params: msg(one.id), body });
    expect(retry.items[0].id).toBe(first.items[0].id);
    await expectCode(alice.client.api(forwardMessage, { params: msg(two.id), body }), 'message.client_id_reused', 409);
    const page = await bob.client.api(listMessages, { params: chat(target) });
    expect(page.items.map((m) => m.text)).toEqual(['first']);
  });

  test('a plain send whose client id looks like a forward key does not swallow a later forward', async () => {
    const source = await groupOf(alice, [bob]);
    const target = await groupOf(alice, [bob]);
    const original = await alice.client.api(sendMessage, { params: chat(source), body: text('forward me') });
    const plain = await alice.client.api(sendMessage, { params: chat(target), body: text('plain', { clientId: 'fwd:k' }) });
    const forwarded = await alice.client.api(forwardMessage, {
      params: msg(original.id),
      body: { chatIds: [chat(target).chatId], clientId: 'k' },
    });
    expect(forwarded.items[0].id).not.toBe(plain.id);
    expect(forwarded.items[0]).toMatchObject({ text: 'forward me', forwardedFrom: { messageId: original.id } });
  });

  test('a send that reuses a client id with different content is refused; an identical retry is not', async () => {
    const chatId = await groupOf(alice, [bob]);
    const first = await alice.client.api(sendMessage, { params: chat(chatId), body: text('yes', { clientId: 'k1' }) });
    const again = await alice.client.api(sendMessage, { params: chat(chatId), body: text('yes', { clientId: 'k1' }) });
    expect(again.id).toBe(first.id);
    await expectCode(
      alice.client.api(sendMessage, { params: chat(chatId), body: text('no', { clientId: 'k1' }) }),
      'message.client_id_reused',
      409,
    );
  });
});
