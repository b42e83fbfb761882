import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { pngBytes, uploadFile } from '../../files/server/test/factories.js';
import {
  addReaction,
  editMessage,
  forwardMessage,
  getThread,
  listInbox,
  listMessages,
  listMyMentions,
  listMyThreads,
  listPins,
  pinMessage,
  recallMessage,
  removeReaction,
  sendMessage,
  setThreadFollow,
  unpinMessage,
} from '../shared/contract.js';
import { MAX_TEXT } from '../shared/message-types.js';
import { groupOf, text } from './test/factories.js';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;
let mallory: TestClient;
let aliceId: string;
let bobId: string;
let malloryId: string;
let chatA: string;
let chatB: string;
let secret: { id: string };

/** Downloads and drains the body. */
async function statusOf(client: TestClient, url: string): Promise<number> {
  const res = await client.fetch(url);
  await res.arrayBuffer();
  return res.status;
}

const chat = (id: string) => ({ chatId: id as `chat_${string}` });
const msg = (id: string) => ({ messageId: id as `msg_${string}` });

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
  aliceId = org.me.user.id;
  const b = await invitePerson(t, alice, { email: 'bob@acme.test', displayName: 'Bob' });
  const m = await invitePerson(t, alice, { email: 'mallory@acme.test', displayName: 'Mallory' });
  bob = b.client;
  bobId = b.me.user.id;
  mallory = m.client;
  malloryId = m.me.user.id;
  // Mallory is in chat A only; chat B (Alice and Bob) is what she must never reach.
  chatA = await groupOf({ client: mallory, id: malloryId }, [{ client: alice, id: aliceId }]);
  chatB = await groupOf({ client: alice, id: aliceId }, [{ client: bob, id: bobId }]);
  secret = await alice.api(sendMessage, { params: chat(chatB), body: text('the merger closes Friday') });
  await bob.api(sendMessage, { params: chat(chatB), body: text('reply in thread', { threadRootId: secret.id }) });
  await alice.api(pinMessage, { params: msg(secret.id) });
});
afterAll(async () => {
  await t?.close();
});

describe('a member of chat A can never reach chat B', () => {
  test('reading, sending, pins: chat.not_found, never content', async () => {
    const e1 = await expectCode(mallory.api(listMessages, { params: chat(chatB), query: {} }), 'chat.not_found', 404);
    expect(JSON.stringify(e1)).not.toContain('merger');
    await expectCode(
      mallory.api(listMessages, { params: chat(chatA), query: { around: secret.id as `msg_${string}` } }),
      'message.not_found',
    );
    await expectCode(mallory.api(sendMessage, { params: chat(chatB), body: text('hi') }), 'chat.not_found', 404);
    await expectCode(mallory.api(listPins, { params: chat(chatB) }), 'chat.not_found', 404);
  });

  test('threads, reactions, pins, edit, recall, forward, follow: message.not_found', async () => {
    const p = msg(secret.id);
    await expectCode(mallory.api(getThread, { params: p, query: {} }), 'message.not_found', 404);
    await expectCode(mallory.api(setThreadFollow, { params: p, body: { following: true } }), 'message.not_found', 404);
    await expectCode(mallory.api(addReaction, { params: { ...p, emoji: '👍' } }), 'message.not_found', 404);
    await expectCode(mallory.api(removeReaction, { params: { ...p, emoji: '👍' } }), 'message.not_found', 404);
    await expectCode(mallory.api(pinMessage, { params: p }), 'message.not_found', 404);
    await expectCode(mallory.api(unpinMessage, { params: p }), 'message.not_found', 404);
    await expectCode(mallory.api(editMessage, { params: p, body: { content: { text: 'x' } } }), 'message.not_found', 404);
    await expectCode(mallory.api(recallMessage, { params: p }), 'message.not_found', 404);
    await expectCode(
      mallory.api(forwardMessage, { params: p, body: { chatIds: [chatA as `chat_${string}`], clientId: 'steal' } }),
      'message.not_found',
      404,
    );
    // Replying to or threading under a message of chat B from chat A is refused too.
    await expectCode(
      mallory.api(sendMessage, { params: chat(chatA), body: text('x', { replyToId: secret.id }) }),
      'message.not_found',
    );
    await expectCode(
      mallory.api(sendMessage, { params: chat(chatA), body: text('x', { threadRootId: secret.id }) }),
      'message.not_found',
    );
    // Forwarding into chat B from chat A is refused: she is not in B.
    const mine = await mallory.api(sendMessage, { params: chat(chatA), body: text('mine') });
    await expectCode(
      mallory.api(forwardMessage, { params: msg(mine.id), body: { chatIds: [chatB as `chat_${string}`], clientId: 'push' } }),
      'chat.not_found',
    );
    // Nothing of chat B shows in her lists.
    const lists = JSON.stringify([
      await mallory.api(listMyMentions, { query: {} }),
      await mallory.api(listMyThreads, { query: {} }),
      await mallory.api(listInbox, { query: {} }),
    ]);
    expect(lists).not.toContain('merger');
    expect((await alice.api(getThread, { params: p, query: {} })).root.reactions).toEqual([]);
  });
});

describe('bad input', () => {
  test('10,000 characters are fine; 10,001 are message.too_long with a clear message', async () => {
    const ok = await alice.api(sendMessage, { params: chat(chatB), body: text('a'.repeat(MAX_TEXT)) });
    expect(ok.text).toHaveLength(MAX_TEXT);
    const err = await expectCode(
      alice.api(sendMessage, { params: chat(chatB), body: text('a'.repeat(MAX_TEXT + 1)) }),
      'message.too_long',
      400,
    );
    expect(err.message).toContain('10000');
    const longPost = {
      clientId: 'long-post',
      kind: 'post',
      content: { content: [[{ tag: 'text', text: 'b'.repeat(MAX_TEXT + 1) }]] },
    };
    await expectCode(alice.api(sendMessage, { params: chat(chatB), body: longPost }), 'message.too_long', 400);
  });

  test('unknown and server-only kinds are refused', async () => {
    await expectCode(
      alice.api(sendMessage, { params: chat(chatB), body: { clientId: 'k1', kind: 'html', content: { html: '<b>x</b>' } } }),
      'message.unknown_kind',
      400,
    );
    await expectCode(
      alice.api(sendMessage, {
        params: chat(chatB),
        body: { clientId: 'k2', kind: 'system', content: { event: 'member.joined' } },
      }),
      'message.unknown_kind',
      400,
    );
  });

  test('malformed content, javascript: links, unknown tags and attributes are message.invalid_content', async () => {
    const bad: unknown[] = [null, 'just a string', { text: '' }, { text: 'x', html: '<b>' }, { text: 42 }];
    for (const content of bad) {
      await expectCode(
        alice.api(sendMessage, { params: chat(chatB), body: { clientId: 'b', kind: 'text', content } }),
        'message.invalid_content',
        400,
      );
    }
    const posts: unknown[] = [
      { content: [[{ tag: 'a', text: 'click', href: 'javascript:alert(1)' }]] },
      { content: [[{ tag: 'a', text: 'click', href: 'JAVASCRIPT:alert(1)' }]] },
      { content: [[{ tag: 'a', text: 'click', href: 'data:text/html,<script>alert(1)</script>' }]] },
      { content: [[{ tag: 'script', text: 'alert(1)' }]] },
      { content: [[{ tag: 'text', text: 'x', onclick: 'alert(1)' }]] },
      { content: [[{ tag: 'text', text: 'x', style: ['blink'] }]] },
      { content: [] },
    ];
    for (const content of posts) {
      await expectCode(
        alice.api(sendMessage, { params: chat(chatB), body: { clientId: 'p', kind: 'post', content } }),
        'message.invalid_content',
        400,
      );
    }
    await expectCode(
      alice.api(sendMessage, {
        params: chat(chatB),
        body: { clientId: 'i', kind: 'image', content: { file_key: '../../etc/passwd' } },
      }),
      'message.invalid_content',
      400,
    );
  });

  test('concurrent retries of one clientId store one message', async () => {
    const body = text('once', { clientId: 'race-1' });
    const results = await Promise.all(Array.from({ length: 10 }, () => alice.api(sendMessage, { params: chat(chatB), body })));
    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    const page = await bob.api(listMessages, { params: chat(chatB), query: { limit: 200 } });
    expect(page.items.filter((m) => m.clientId === 'race-1')).toHaveLength(1);
    const seqs = page.items.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  test('a failing realtime hub does not fail the send (the database is the truth)', async () => {
    const hub = t.app.ctx.hub;
    const original = hub.publish;
    hub.publish = async () => {
      throw new Error('redis down');
    };
    try {
      const m = await alice.api(sendMessage, { params: chat(chatB), body: text('still stored') });
      const page = await bob.api(listMessages, { params: chat(chatB), query: {} });
      expect(page.items.at(-1)?.id).toBe(m.id);
    } finally {
      hub.publish = original;
    }
  });

  test('the send is published on the chat topic after commit, thread replies included', async () => {
    const hub = t.app.ctx.hub;
    const original = hub.publish;
    const seen: { topic: string; event: unknown }[] = [];
    hub.publish = async (topic, event) => {
      seen.push({ topic, event });
      return original.call(hub, topic, event);
    };
    try {
      const m = await alice.api(sendMessage, { params: chat(chatB), body: text('live', { threadRootId: secret.id }) });
      expect(seen).toContainEqual({
        topic: `chat:${chatB}`,
        event: { type: 'message.created', message: expect.objectContaining({ id: m.id, threadRootId: secret.id }) },
      });
      expect(seen.some((s) => s.topic === `user:${bobId}` && (s.event as { type: string }).type === 'messenger.inbox')).toBe(
        true,
      );
    } finally {
      hub.publish = original;
    }
  });
});

describe('files in messages', () => {
  test('members of the chat may download a posted image; others may not; recall takes it back', async () => {
    const file = await uploadFile(alice, 'plan.png', pngBytes());
    const url = `/api/files/${file.id}/content`;
    expect(await statusOf(bob, url)).toBe(404);
    const m = await alice.api(sendMessage, {
      params: chat(chatB),
      body: { clientId: 'img-1', kind: 'image', content: { file_key: file.id } },
    });
    expect(await statusOf(bob, url)).toBe(200);
    expect(await statusOf(mallory, url)).toBe(404);
    // Mallory cannot post a file she cannot read (she knows its id).
    await expectCode(
      mallory.api(sendMessage, {
        params: chat(chatA),
        body: { clientId: 'img-steal', kind: 'image', content: { file_key: file.id } },
      }),
      'message.file_forbidden',
      403,
    );
    // Bob can forward it into chat C (with Mallory); then chat C's members can read it.
    const chatC = await groupOf({ client: bob, id: bobId }, [{ client: mallory, id: malloryId }]);
    await bob.api(forwardMessage, { params: msg(m.id), body: { chatIds: [chatC as `chat_${string}`], clientId: 'fwd-img' } });
    expect(await statusOf(mallory, url)).toBe(200);
    await alice.api(recallMessage, { params: msg(m.id) });
    // The forwarded copy in chat C still carries it; the recalled original no longer grants chat B.
    expect(await statusOf(mallory, url)).toBe(200);
    const file2 = await uploadFile(alice, 'doc.png', pngBytes(10));
    const m2 = await alice.api(sendMessage, {
      params: chat(chatB),
      body: { clientId: 'img-2', kind: 'file', content: { file_key: file2.id } },
    });
    expect(await statusOf(bob, `/api/files/${file2.id}/content`)).toBe(200);
    await alice.api(recallMessage, { params: msg(m2.id) });
    expect(await statusOf(bob, `/api/files/${file2.id}/content`)).toBe(404);
    expect(await statusOf(alice, `/api/files/${file2.id}/content`)).toBe(200);
  });
});
