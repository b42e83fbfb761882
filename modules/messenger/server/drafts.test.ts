import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { clearDraft, listMyDrafts, removeChatMember, saveDraft, sendMessage } from '../shared/contract.js';
import { MAX_TEXT } from '../shared/message-types.js';
import { addMembers, channelOf, groupOf, type Member, orgWith, say, text } from './test/factories.js';

let t: TestApp;
let admin: Member;
let ann: Member;
let bo: Member;
let group: string;

const cid = (id: string) => id as `chat_${string}`;
const put = (m: Member, chatId: string, body: string) =>
  m.client.api(saveDraft, { params: { chatId: cid(chatId) }, body: { text: body } });
const draftsOf = async (m: Member) => (await m.client.api(listMyDrafts)).items.map((d) => [d.chatId, d.text]);

beforeAll(async () => {
  t = await startTestApp();
  ({
    admin,
    people: { ann, bo },
  } = await orgWith(t, 'ann', 'bo'));
  group = await groupOf(ann, [bo]);
});
afterAll(async () => {
  await t?.close();
});

describe('drafts', () => {
  test('my draft comes back to me, and to nobody else in the chat', async () => {
    await put(ann, group, 'half a thought');
    await put(ann, group, 'a whole thought');
    expect(await draftsOf(ann)).toEqual([[group, 'a whole thought']]);
    expect(await draftsOf(bo)).toEqual([]);
    await put(bo, group, 'mine');
    expect(await draftsOf(ann)).toEqual([[group, 'a whole thought']]);
  });

  test('empty text, a clear, or sending a message drops it; a thread reply does not', async () => {
    await put(ann, group, 'x');
    await put(ann, group, '   ');
    expect(await draftsOf(ann)).toEqual([]);

    await put(ann, group, 'x');
    await ann.client.api(clearDraft, { params: { chatId: cid(group) } });
    expect(await draftsOf(ann)).toEqual([]);

    const root = await say(bo, group, 'root');
    await put(ann, group, 'to send');
    await ann.client.api(sendMessage, { params: { chatId: cid(group) }, body: text('in thread', { threadRootId: root.id }) });
    expect(await draftsOf(ann)).toEqual([[group, 'to send']]);
    await say(ann, group, 'to send');
    expect(await draftsOf(ann)).toEqual([]);
  });

  test('only where I may write: not in a chat I am not in, nor in a channel I only read', async () => {
    const theirs = await groupOf(admin, [bo]);
    await expectCode(put(ann, theirs, 'peek'), 'chat.not_found', 404);
    const channel = await channelOf(admin);
    await expectCode(put(ann, channel, 'hi'), 'chat.read_only', 403);
    expect(await draftsOf(ann)).toEqual([]);
  });

  test('a draft longer than a message is refused with a 4xx', async () => {
    await expectCode(put(ann, group, 'x'.repeat(MAX_TEXT + 1)), 'request.validation_failed', 400);
    await put(ann, group, 'x'.repeat(MAX_TEXT));
    expect((await draftsOf(ann))[0]?.[1]).toHaveLength(MAX_TEXT);
    await put(ann, group, '');
  });

  test('leaving a chat hides my draft there, also after I am added back', async () => {
    const chat = await groupOf(ann, [bo]);
    await put(bo, chat, 'before leaving');
    await bo.client.api(removeChatMember, { params: { chatId: cid(chat), userId: bo.id as `usr_${string}` } });
    expect(await draftsOf(bo)).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    await addMembers(ann, chat, [bo]);
    expect(await draftsOf(bo)).toEqual([]);
    await put(bo, chat, 'after coming back');
    expect(await draftsOf(bo)).toEqual([[chat, 'after coming back']]);
  });
});
