import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { createChat, forwardMessage, getMessage, listMessages } from '../shared/contract.js';
import { orgWith, type Person, say } from './test/factories.js';

let t: TestApp;
let alice: Person;
let bob: Person;
let carol: Person;

beforeAll(async () => {
  t = await startTestApp();
  ({ alice, bob, carol } = (await orgWith(t, 'alice', 'bob', 'carol')).people);
});
afterAll(async () => {
  await t.close();
});

const group = async (owner: Person, name: string, members: Person[], visibility: 'private' | 'public' = 'private') =>
  (
    await owner.client.api(createChat, {
      body: { kind: 'group', name, visibility, memberIds: members.map((m) => m.id as never) },
    })
  ).id;

async function forward(by: Person, from: string, to: string, text: string) {
  const src = await say(by, from, text);
  const out = await by.client.api(forwardMessage, {
    params: { messageId: src.id as never },
    body: { chatIds: [to as never], clientId: `fw-${text}` },
  });
  return out.items[0];
}

describe('forwarded from <chat name>', () => {
  test('a reader who may see the source chat gets its name; anyone else only "forwarded"', async () => {
    const secret = await group(alice, 'Acquisition of Initech', [carol]);
    const open = await group(alice, 'Badminton club', [], 'public');
    const shared = await group(alice, 'Team', [bob, carol]);
    await forward(alice, secret, shared, 'numbers attached');
    await forward(alice, open, shared, 'court booked');

    const seen = async (viewer: Person) =>
      (await viewer.client.api(listMessages, { params: { chatId: shared as never } })).items
        .filter((m) => m.forwardedFrom)
        .map((m) => m.forwardedFrom?.chatName ?? null);
    // Carol is in the private source; bob is not, so its name never reaches him.
    expect(await seen(carol)).toEqual(['Acquisition of Initech', 'Badminton club']);
    expect(await seen(bob)).toEqual([null, 'Badminton club']);

    const [hidden] = (await bob.client.api(listMessages, { params: { chatId: shared as never } })).items.filter(
      (m) => m.forwardedFrom?.chatId === secret,
    );
    const single = await bob.client.api(getMessage, { params: { messageId: hidden.id } });
    expect(JSON.stringify(single)).not.toContain('Initech');
  });
});
