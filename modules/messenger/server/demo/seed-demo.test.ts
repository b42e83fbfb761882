import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { login } from '../../../accounts/shared/contract.js';
import { orgModule } from '../../../org/module.js';
import { DEMO_PASSWORD } from '../../../org/server/index.js';
import { startTestApp, type TestApp } from '../../../../platform/server/test/harness.js';
import { messengerModule } from '../../module.js';
import { getThread, listInbox, listMessages, listMyChats, listPins } from '../../shared/contract.js';
import { CHANNEL, GLOBAL_GROUP, PROJECT_GROUP } from './script.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('messenger demo chats', () => {
  test('load once after the org demo: a busy Chinese project group, an English group and the company channel', async () => {
    await orgModule.seedDemo?.(t.app.ctx);
    const messenger = messengerModule();
    await messenger.seedDemo?.(t.app.ctx);
    await messenger.seedDemo?.(t.app.ctx); // idempotent

    const admin = t.client();
    await admin.api(login, { body: { email: 'admin@demo.skein', password: DEMO_PASSWORD } });
    const { items, totalUnread } = await admin.api(listMyChats, { query: {} });
    const byName = new Map(items.map((c) => [c.name, c]));
    const project = byName.get(PROJECT_GROUP.name)!;
    const global = byName.get(GLOBAL_GROUP.name)!;
    const channel = byName.get(CHANNEL.name)!;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(project.lastSeq).toBeGreaterThanOrEqual(200);
    expect(global.lastSeq).toBeGreaterThanOrEqual(40);
    expect(channel.kind).toBe('channel');
    expect(channel.memberCount).toBeGreaterThan(50);
    expect(project.announcement?.text).toContain('日产 400 台');
    expect(totalUnread).toBeGreaterThan(0);

    // Realistic content: replies, threads with replies, reactions, mentions.
    const recent = await admin.api(listMessages, { params: { chatId: project.id }, query: { limit: 200 } });
    expect(recent.items.some((m) => m.replyTo)).toBe(true);
    expect(recent.items.some((m) => m.reactions.length > 0)).toBe(true);
    expect(recent.items.some((m) => m.mentions.length > 0)).toBe(true);
    const first = await admin.api(listMessages, { params: { chatId: project.id }, query: { after: 0, limit: 50 } });
    const root = first.items.find((m) => m.threadReplyCount > 0)!;
    const thread = await admin.api(getThread, { params: { messageId: root.id }, query: {} });
    expect(thread.replies.length).toBe(root.threadReplyCount);
    // History reads like weeks of work, oldest first.
    const days = new Set(first.items.concat(recent.items).map((m) => m.createdAt.slice(0, 10)));
    expect(days.size).toBeGreaterThan(3);
  });

  test('every account the README names opens a messenger with several chats busy this week', async () => {
    for (const email of ['admin', 'hr', 'hrbp', 'zhang.wei']) {
      const person = t.client();
      await person.api(login, { body: { email: `${email}@demo.skein`, password: DEMO_PASSWORD } });
      const { items } = await person.api(listMyChats, { query: {} });
      const weekAgo = Date.now() - 7 * 86_400_000;
      const recent = items.filter((c) => c.lastMessageAt && Date.parse(c.lastMessageAt) > weekAgo);
      expect(recent.length, `${email}: chats with messages this week`).toBeGreaterThanOrEqual(4);
      expect(
        items.some((c) => c.kind === 'direct'),
        `${email}: a direct chat`,
      ).toBe(true);
      for (const c of items)
        expect(Date.parse(c.lastMessageAt ?? '0'), `${email}: ${c.name} not in the future`).toBeLessThan(Date.now());
      // What they read in the chats is read in the inbox too: only the latest news waits there.
      const inbox = await person.api(listInbox, { query: { unread: 'true' } });
      expect(inbox.unreadCount, `${email}: unread inbox items`).toBeLessThanOrEqual(3);
    }
  });

  test("the project group's announcement points at a pinned issue list, and no message repeats word for word", async () => {
    const admin = t.client();
    await admin.api(login, { body: { email: 'admin@demo.skein', password: DEMO_PASSWORD } });
    const { items } = await admin.api(listMyChats, { query: {} });
    const project = items.find((c) => c.name === PROJECT_GROUP.name)!;
    expect(project.announcement?.text).toContain('置顶');
    const pins = await admin.api(listPins, { params: { chatId: project.id } });
    expect(pins.items.map((m) => m.text)).toEqual([expect.stringContaining('问题清单')]);

    // Every message of every chat the README's people are in, thread replies included.
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const email of ['admin', 'hr', 'hrbp', 'zhang.wei']) {
      const person = t.client();
      await person.api(login, { body: { email: `${email}@demo.skein`, password: DEMO_PASSWORD } });
      for (const chat of (await person.api(listMyChats, { query: {} })).items) {
        let after = 0;
        for (;;) {
          const page = await person.api(listMessages, { params: { chatId: chat.id }, query: { after, limit: 200 } });
          for (const m of page.items) {
            if (seen.has(m.id)) continue;
            seen.set(m.id, m.text);
            if (m.threadReplyCount > 0) {
              const thread = await person.api(getThread, { params: { messageId: m.id }, query: {} });
              for (const r of thread.replies) seen.set(r.id, r.text);
            }
          }
          if (!page.hasMoreAfter || page.items.length === 0) break;
          after = page.items.at(-1)!.seq;
        }
      }
    }
    const counts = new Map<string, number>();
    for (const text of seen.values()) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const [text, n] of counts) if (n > 1) repeats.push(`${n}× ${text}`);
    expect(seen.size).toBeGreaterThan(300);
    expect(repeats).toEqual([]);
  });
});
