import fs from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { ok } from './support.js';

/*
 * The composer: drafts that survive a reload and a switch of chats, files and images staged
 * alike in a tray until Send, and ↑ to edit my last message with the caret after the text.
 * Runs on its own from a fresh server, or after the other journeys on the same one.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'composer journey 2026';
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Cleo, signed in (she sets the organization up on a fresh server), with two chats: a group with Dan and a direct chat. */
async function setUp(browser: Browser, baseURL: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cleo = { displayName: 'Cleo Park', email: `cleo.${RUN}@example.com`, password: PASSWORD, ...profile };
  const dan = { displayName: 'Dan Mori', email: `dan.${RUN}@example.com`, password: PASSWORD, ...profile };
  const status = await (await ctx.request.get(`${baseURL}/api/setup`)).json();
  let admin: APIRequestContext;
  if (status.needsSetup) {
    await ok(await ctx.request.post(`${baseURL}/api/setup`, { data: { organizationName: 'Composer Co', ...cleo } }));
    admin = ctx.request;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
    await ok(await ctx.request.post(`${baseURL}/api/invites/accept`, { data: { token, ...cleo } }));
  }
  const { token } = await ok<{ token: string }>(await admin.post(`${baseURL}/api/invites`, { data: {} }));
  const danCtx = await browser.newContext();
  const danMe = await ok<{ user: { id: string } }>(
    await danCtx.request.post(`${baseURL}/api/invites/accept`, { data: { token, ...dan } }),
  );
  const group = await ok<{ id: string }>(
    await ctx.request.post(`${baseURL}/api/chats`, {
      data: { kind: 'group', name: `Drafts ${RUN}`, memberIds: [danMe.user.id] },
    }),
  );
  const direct = await ok<{ id: string }>(
    await ctx.request.post(`${baseURL}/api/chats/direct`, { data: { userId: danMe.user.id } }),
  );
  return { ctx, page: await ctx.newPage(), group: group.id, direct: direct.id };
}

const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text }).last();
const draftSaved = (page: Page, chatId: string) =>
  page.waitForResponse((r) => r.url().endsWith(`/api/chats/${chatId}/draft`) && r.request().method() === 'PUT' && r.ok());

test('a draft survives a reload; files wait in the tray; ↑ edits my last message', async ({ browser, baseURL }, testInfo) => {
  const { ctx, page, group, direct } = await setUp(browser, baseURL!);
  // A file on disk, as a person picks it: picked twice, it is the same file (name, size, date).
  const PDF = testInfo.outputPath('plan.pdf');
  fs.writeFileSync(PDF, '%PDF-1.4\n% composer journey\n');
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const input = page.getByTestId('composer-input');
  const groupRow = page.getByTestId(`chat-row-${group}`);

  // A draft survives a reload: back in the composer, and "[Draft]" in the chat list.
  await page.goto(`/messages/${group}`);
  await input.fill('Half-written **plan**');
  await expect(groupRow.getByTestId('chat-row-draft')).toHaveText('[Draft]Half-written **plan**');
  await draftSaved(page, group);
  await page.reload();
  await expect(input).toHaveValue('Half-written **plan**');
  await expect(groupRow.getByTestId('chat-row-draft')).toContainText('[Draft]');
  await page.screenshot({ path: testInfo.outputPath('draft-1280.png') });

  // … and a switch to another chat and back (saved as the chat closes, without waiting for a pause).
  await input.fill('Half-written **plan**, v2');
  await page.getByTestId(`chat-row-${direct}`).click();
  await expect(input).toHaveValue('');
  await groupRow.click();
  await expect(input).toHaveValue('Half-written **plan**, v2');
  await page.reload();
  await expect(input).toHaveValue('Half-written **plan**, v2');

  // Sending it ends the draft: the list shows the message again, a reload brings back nothing.
  await input.press('Enter');
  await expect(message(page, 'Half-written')).toBeVisible();
  await expect(groupRow.getByTestId('chat-row-draft')).toHaveCount(0);
  await expect(groupRow.getByTestId('chat-row-preview')).toContainText('Half-written');
  await page.reload();
  await expect(message(page, 'Half-written')).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(groupRow.getByTestId('chat-row-draft')).toHaveCount(0);

  // A file waits in the tray like an image; picking it again does not add it twice; Send sends both.
  const messages = page.getByTestId('message');
  const before = await messages.count();
  await page.getByTestId('composer-file').setInputFiles(PDF);
  await expect(page.getByTestId('composer-staged-file')).toHaveCount(1);
  await page.getByTestId('composer-file').setInputFiles(PDF);
  await page.getByTestId('composer-file').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('composer-staged-file')).toHaveCount(1);
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(await messages.count()).toBe(before);
  await page.screenshot({ path: testInfo.outputPath('attachment-tray-1280.png') });
  await page.getByTestId('composer-staged-file').getByTestId('composer-staged-remove').click();
  await expect(page.getByTestId('composer-staged-file')).toHaveCount(0);
  await page.getByTestId('composer-file').setInputFiles(PDF);
  await input.fill('The plan and a picture');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('message-file')).toHaveCount(1);
  await expect(page.getByTestId('message-image')).toHaveCount(1);
  await expect(message(page, 'The plan and a picture')).toBeVisible();
  await expect(page.getByTestId('composer-staged')).toHaveCount(0);

  // ↑ in the empty composer edits my last message, the caret after its text.
  await input.fill('Meet at the harbour at noom');
  await input.press('Enter');
  await expect(message(page, 'noom')).toBeVisible();
  await expect(page.getByTestId('message-pending')).toHaveCount(0);
  await input.press('ArrowUp');
  const edit = page.getByTestId('message-edit-input');
  await expect(edit).toHaveValue('Meet at the harbour at noom');
  await expect(edit).toBeFocused();
  expect(await edit.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([27, 27]);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('n');
  await page.keyboard.press('Enter');
  await expect(message(page, 'noon')).toContainText('edited');

  // On a phone the tray with a file fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/messages/${group}`);
  await page.getByTestId('composer-file').setInputFiles(PDF);
  await expect(page.getByTestId('composer-staged-file')).toBeVisible();
  await expect(page.getByTestId('composer-send')).toBeEnabled();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('attachment-tray-390.png') });

  await ctx.close();
  expect(errors).toEqual([]);
});
