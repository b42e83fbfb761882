import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { login } from '../../../accounts/shared/contract.js';
import { orgModule } from '../../../org/module.js';
import { DEMO_PASSWORD } from '../../../org/server/index.js';
import { startTestApp, type TestApp } from '../../../../platform/server/test/harness.js';
import { messengerModule } from '../../module.js';
import { getThread, listMessages, listMyChats } from '../../shared/contract.js';
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
    expect(items).toHaveLength(3);
    expect(project.lastSeq).toBeGreaterThanOrEqual(200);
    expect(global.lastSeq).toBeGreaterThanOrEqual(50);
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
});
