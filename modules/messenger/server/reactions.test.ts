import emojis from 'emojibase-data/en/data.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { addReaction, sendMessage } from '../shared/contract.js';
import { isValidReaction } from './reactions.js';
import { groupOf, text } from './test/factories.js';

// Everything the emoji picker offers (the "component" group and lone letters are not offered).
const offered = emojis.filter((e) => e.group !== undefined && e.group !== 2).flatMap((e) => [e, ...(e.skins ?? [])]);

describe('which reactions are accepted', () => {
  test('every emoji the picker offers, skin tones and flags included', () => {
    expect(offered.length).toBeGreaterThan(3000);
    expect(offered.filter((e) => !isValidReaction(e.emoji)).map((e) => e.emoji)).toEqual([]);
  });

  test('two emojis, text, markup and long strings are refused', () => {
    for (const bad of ['👍👍', '🇫🇷🇩🇪', '👍 ', 'ok', '1', '<b>hi</b>', '👍a', '❤️'.repeat(20), '🏴'.padEnd(41, '\u{e0061}')]) {
      expect(isValidReaction(bad), bad).toBe(false);
    }
  });
});

describe('reacting over the API', () => {
  let t: TestApp;
  let bob: TestClient;
  let messageId: `msg_${string}`;
  beforeAll(async () => {
    t = await startTestApp();
    const org = await setupOrg(t);
    const b = await invitePerson(t, org.admin, { email: 'bob@acme.test', displayName: 'Bob' });
    bob = b.client;
    const chatId = (await groupOf({ client: org.admin, id: org.me.user.id }, [
      { client: bob, id: b.me.user.id },
    ])) as `chat_${string}`;
    messageId = (await org.admin.api(sendMessage, { params: { chatId }, body: text('hello') })).id as `msg_${string}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  test('an emoji beyond the quick picks lands, as do a family and a Scottish flag', async () => {
    for (const emoji of ['🦩', '👨‍👩‍👧‍👦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👍🏽']) {
      const m = await bob.api(addReaction, { params: { messageId, emoji } });
      expect(m.reactions.map((r) => r.emoji)).toContain(emoji);
    }
  });

  test('two emojis, words or a huge string get a 400 with a stable code', async () => {
    for (const emoji of ['🦩🦩', 'smile', '<script>']) {
      await expectCode(bob.api(addReaction, { params: { messageId, emoji } }), 'message.invalid_reaction', 400);
    }
    const huge = await bob.api(addReaction, { params: { messageId, emoji: '😀'.repeat(200) } }).catch((e) => e);
    expect(huge.status).toBe(400);
  });
});
