import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import { collectErrors, ok } from './support.js';

/*
 * The conversation view as a reader meets it (issue 7): one's own thread reply shows once,
 * a chat with unread messages opens at the first of them and is marked read only as far as
 * one has scrolled, and the view keeps the newest message in sight (after a send, after images
 * load, when a phone's keyboard takes half the screen). People and messages are made through
 * the API; what is checked is what the browser shows.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'conversation journey 2026';
const ALICE = { name: 'Alice Chen', email: `conv.alice.${RUN}@example.com` };
const BOB = { name: 'Bob Tanaka', email: `conv.bob.${RUN}@example.com` };
/** The first administrator foundation.spec.ts creates, when it ran first on this server. */
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };
const desktop = { width: 1280, height: 800 };

interface Person {
  id: string;
  context: BrowserContext;
  page: Page;
  api: APIRequestContext;
}

let alice: { id: string; email: string };
let bob: { id: string; email: string };

/** Alice sets the organization up (fresh server) or joins it by invite; Bob joins by invite. */
test.beforeAll(async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  const status = await (await ctx.request.get(`${baseURL}/api/setup`)).json();
  let admin: APIRequestContext = ctx.request;
  let aliceId: string;
  if (status.needsSetup) {
    const me = await ok<{ user: { id: string } }>(
      await ctx.request.post(`${baseURL}/api/setup`, {
        data: {
          organizationName: 'Skein Conversation Co',
          displayName: ALICE.name,
          email: ALICE.email,
          password: PASSWORD,
          ...profile,
        },
      }),
    );
    aliceId = me.user.id;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    aliceId = await join(browser, baseURL!, admin, ALICE);
  }
  alice = { id: aliceId, email: ALICE.email };
  bob = { id: await join(browser, baseURL!, admin, BOB), email: BOB.email };
  await ctx.close();
});

async function join(browser: Browser, baseURL: string, admin: APIRequestContext, who: typeof ALICE): Promise<string> {
  const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
  const ctx = await browser.newContext();
  const me = await ok<{ user: { id: string } }>(
    await ctx.request.post(`${baseURL}/api/invites/accept`, {
      data: { token, displayName: who.name, email: who.email, password: PASSWORD, ...profile },
    }),
  );
  await ctx.close();
  return me.user.id;
}

async function signIn(browser: Browser, baseURL: string, email: string, viewport = desktop, mobile = false): Promise<Person> {
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
  const me = await ok<{ user: { id: string } }>(
    await context.request.post(`${baseURL}/api/auth/login`, { data: { email, password: PASSWORD } }),
  );
  return { id: me.user.id, context, page: await context.newPage(), api: context.request };
}

async function newGroup(owner: APIRequestContext, name: string, memberIds: string[]): Promise<string> {
  return (await ok<{ id: string }>(await owner.post('/api/chats', { data: { kind: 'group', name, memberIds } }))).id;
}

let sent = 0;
async function say(from: APIRequestContext, chatId: string, text: string, extra: Record<string, unknown> = {}) {
  return ok<{ id: string; seq: number }>(
    await from.post(`/api/chats/${chatId}/messages`, {
      data: { clientId: `${RUN}-${++sent}`, kind: 'text', content: { text }, ...extra },
    }),
  );
}

const chatOf = (api: APIRequestContext, chatId: string) =>
  api.get(`/api/chats/${chatId}`).then((r) => ok<{ readSeq: number; lastSeq: number; unread: number }>(r));

/** The message bubble whose text is exactly `text`. */
const message = (page: Page, text: string) =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-content').getByText(text, { exact: true }) });

/** How far the history is from its bottom, in px. */
const fromBottom = (list: Locator) => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

test('a thread reply is seen once by its author', async ({ browser, baseURL }) => {
  const a = await signIn(browser, baseURL!, alice.email);
  const b = await signIn(browser, baseURL!, bob.email);
  const errors = [...collectErrors(a.page), ...collectErrors(b.page)];
  const chatId = await newGroup(a.api, `Threads ${RUN}`, [bob.id]);
  await say(a.api, chatId, 'Who takes the release notes?');

  await b.page.goto(`/messages/${chatId}`);
  await a.page.goto(`/messages/${chatId}`);
  const root = message(b.page, 'Who takes the release notes?');
  await root.hover();
  await root.getByTestId('action-thread').click();
  const composer = b.page.getByTestId('thread-composer').getByTestId('composer-input');
  await composer.fill('I do, by Friday');
  await composer.press('Enter');

  const replies = b.page.getByTestId('thread-replies');
  await expect(replies.getByTestId('message')).toHaveCount(1);
  await expect(replies).toContainText('I do, by Friday');
  // The "sending…" copy is gone, and stays gone (it used to linger until a reload).
  await expect(replies.getByTestId('message-pending')).toHaveCount(0);
  await b.page.waitForTimeout(500);
  await expect(replies.getByTestId('message-pending')).toHaveCount(0);
  await expect(replies.getByText('I do, by Friday')).toHaveCount(1);

  // A second reply too; and Alice, who did not write them, sees each once.
  await composer.fill('Draft is in the wiki');
  await composer.press('Enter');
  await expect(replies.getByTestId('message')).toHaveCount(2);
  await expect(replies.getByTestId('message-pending')).toHaveCount(0);
  await expect(message(a.page, 'Who takes the release notes?').getByTestId('thread-count')).toHaveText(/2 replies/);
  await message(a.page, 'Who takes the release notes?').getByTestId('thread-count').click();
  await expect(a.page.getByTestId('thread-replies').getByTestId('message')).toHaveCount(2);

  await a.context.close();
  await b.context.close();
  expect(errors).toEqual([]);
});

test('opening a chat at its first unread', async ({ browser, baseURL }, testInfo) => {
  const a = await signIn(browser, baseURL!, alice.email);
  const chatId = await newGroup(a.api, `Unread ${RUN}`, [bob.id]);
  for (let i = 1; i <= 10; i++) await say(a.api, chatId, `Earlier ${i}`);
  const b = await signIn(browser, baseURL!, bob.email);
  const errors = collectErrors(b.page);
  // Bob has read up to "Earlier 10"; then 60 more arrive while he is away.
  const before = await chatOf(b.api, chatId);
  await ok(await b.api.post(`/api/chats/${chatId}/read`, { data: { seq: before.lastSeq } }));
  for (let i = 1; i <= 60; i++) await say(a.api, chatId, `Update ${i}`);
  const readAtOpen = before.lastSeq;
  expect((await chatOf(b.api, chatId)).unread).toBe(60);

  await b.page.goto(`/messages/${chatId}`);
  const divider = b.page.getByTestId('unread-divider');
  await expect(divider).toBeInViewport();
  await expect(divider).toContainText('New messages');
  await expect(message(b.page, 'Update 1')).toBeInViewport();
  // What he had read last is just above the line, and the newest is far below, out of sight.
  await expect(message(b.page, 'Earlier 10')).toBeInViewport();
  const dividerTop = (await divider.boundingBox())!.y;
  expect((await message(b.page, 'Earlier 10').boundingBox())!.y).toBeLessThan(dividerTop);
  await expect(message(b.page, 'Update 40')).not.toBeInViewport();
  await b.page.screenshot({ path: testInfo.outputPath('unread-divider-1280.png') });

  // Opening marks read only what is on the screen: some, not all 60.
  await b.page.waitForTimeout(800);
  const seen = await chatOf(b.api, chatId);
  expect(seen.readSeq).toBeGreaterThan(readAtOpen);
  expect(seen.unread).toBeGreaterThan(20);
  const row = b.page.getByTestId(`chat-row-${chatId}`).getByTestId('chat-row-unread');
  await expect(row).toHaveText(String(seen.unread));
  // The way down says how many are left.
  await expect(b.page.getByTestId('jump-latest')).toContainText(String(seen.unread));

  // Scrolling down a screen moves the read position along, not to the end.
  const list = b.page.getByTestId('message-list');
  await list.evaluate((el) => el.scrollBy(0, el.clientHeight));
  await expect.poll(async () => (await chatOf(b.api, chatId)).readSeq).toBeGreaterThan(seen.readSeq);
  const midway = await chatOf(b.api, chatId);
  expect(midway.unread).toBeGreaterThan(0);

  // Reaching the bottom reads everything; the badge and the button go.
  await b.page.getByTestId('jump-latest').click();
  await expect(message(b.page, 'Update 60')).toBeInViewport();
  await expect.poll(async () => (await chatOf(b.api, chatId)).unread).toBe(0);
  await expect(row).toHaveCount(0);
  await expect(b.page.getByTestId('jump-latest')).toHaveCount(0);
  // The divider stays where the unread began while the chat is open.
  await expect(divider).toBeAttached();

  // Away, then back after three more: the line has moved above the first of those.
  await b.page.getByTestId('nav-directory').click();
  for (let i = 1; i <= 3; i++) await say(a.api, chatId, `Later ${i}`);
  await expect(b.page.getByTestId('messages-unread-total')).toHaveText('3');
  await b.page.getByTestId('nav-messages').click();
  await expect(row).toHaveText('3');
  await b.page.getByTestId(`chat-row-${chatId}`).click();
  await expect(divider).toHaveCount(1);
  await expect(divider).toBeInViewport();
  await expect(message(b.page, 'Update 60')).toBeInViewport();
  expect((await message(b.page, 'Update 60').boundingBox())!.y).toBeLessThan((await divider.boundingBox())!.y);
  expect((await message(b.page, 'Later 1').boundingBox())!.y).toBeGreaterThan((await divider.boundingBox())!.y);
  await expect.poll(async () => (await chatOf(b.api, chatId)).unread).toBe(0);

  await a.context.close();
  await b.context.close();
  expect(errors).toEqual([]);
});

test('sending while scrolled up brings the new message into sight; jump to latest comes back down', async ({
  browser,
  baseURL,
}) => {
  const a = await signIn(browser, baseURL!, alice.email);
  const errors = collectErrors(a.page);
  const chatId = await newGroup(a.api, `Scroll ${RUN}`, [bob.id]);
  for (let i = 1; i <= 40; i++) await say(a.api, chatId, `Line ${i}`);
  await a.page.goto(`/messages/${chatId}`);
  await expect(message(a.page, 'Line 40')).toBeInViewport();

  const list = a.page.getByTestId('message-list');
  await list.evaluate((el) => el.scrollTo(0, 0));
  await expect(message(a.page, 'Line 40')).not.toBeInViewport();
  await expect(a.page.getByTestId('jump-latest')).toBeVisible();
  await a.page.getByTestId('jump-latest').click();
  await expect(message(a.page, 'Line 40')).toBeInViewport();
  await expect(a.page.getByTestId('jump-latest')).toHaveCount(0);

  await list.evaluate((el) => el.scrollTo(0, 0));
  await a.page.getByTestId('composer-input').fill('Sent from up here');
  await a.page.getByTestId('composer-input').press('Enter');
  await expect(message(a.page, 'Sent from up here')).toBeInViewport();
  await expect(a.page.getByTestId('message-pending')).toHaveCount(0);
  expect(await fromBottom(list)).toBeLessThan(4);

  await a.context.close();
  expect(errors).toEqual([]);
});

test('a chat whose newest messages are images opens at its very bottom', async ({ browser, baseURL }) => {
  const a = await signIn(browser, baseURL!, alice.email);
  const errors = collectErrors(a.page);
  const chatId = await newGroup(a.api, `Photos ${RUN}`, [bob.id]);
  for (let i = 1; i <= 30; i++) await say(a.api, chatId, `Caption ${i}`);
  // A 300 × 240 picture, drawn by the browser.
  await a.page.goto('/messages');
  const dataUrl = await a.page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 300;
    c.height = 240;
    const g = c.getContext('2d')!;
    g.fillStyle = '#3370ff';
    g.fillRect(0, 0, 300, 240);
    return c.toDataURL('image/png');
  });
  const buffer = Buffer.from(dataUrl.split(',')[1], 'base64');
  const file = await ok<{ id: string }>(
    await a.api.post('/api/files', { multipart: { file: { name: 'board.png', mimeType: 'image/png', buffer } } }),
  );
  await ok(
    await a.api.post(`/api/chats/${chatId}/messages`, {
      data: { clientId: `${RUN}-img`, kind: 'image', content: { file_key: file.id } },
    }),
  );
  await say(a.api, chatId, 'That is the new board');

  // The picture arrives late, as on a slow network: the view must still end at the bottom.
  await a.page.route('**/api/files/*/content*', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await a.page.goto(`/messages/${chatId}`);
  const img = a.page.getByTestId('message-image').locator('img');
  // Generous: on a loaded CI machine the delayed picture can take a while to arrive and decode.
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalHeight > 0), { timeout: 30_000 })
    .toBe(true);
  const list = a.page.getByTestId('message-list');
  await expect.poll(() => fromBottom(list)).toBeLessThan(4);
  await expect(message(a.page, 'That is the new board')).toBeInViewport();
  await expect(a.page.getByTestId('jump-latest')).toHaveCount(0);

  await a.context.close();
  expect(errors).toEqual([]);
});

test('on a 390 px phone the message just sent stays in sight', async ({ browser, baseURL }, testInfo) => {
  const a = await signIn(browser, baseURL!, alice.email);
  const chatId = await newGroup(a.api, `Phone ${RUN}`, [bob.id]);
  for (let i = 1; i <= 30; i++) await say(a.api, chatId, `Note ${i}`);
  await a.context.close();

  const phone = await signIn(browser, baseURL!, alice.email, { width: 390, height: 844 }, true);
  const page = phone.page;
  const errors = collectErrors(page);
  await page.goto(`/messages/${chatId}`);
  await expect(message(page, 'Note 30')).toBeInViewport();
  // The on-screen keyboard takes the lower half of the screen as the composer gets focus.
  await page.getByTestId('composer-input').focus();
  await page.setViewportSize({ width: 390, height: 460 });
  await expect(message(page, 'Note 30')).toBeInViewport();
  await page.getByTestId('composer-input').fill('On my way');
  await page.getByTestId('composer-input').press('Enter');
  await expect(message(page, 'On my way')).toBeInViewport();
  await expect(page.getByTestId('message-pending')).toHaveCount(0);
  await expect(message(page, 'On my way')).toBeInViewport();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('sent-with-keyboard-390.png') });

  // Scrolled up on the phone, a send still comes back down to it.
  await page.getByTestId('message-list').evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('composer-input').fill('Also bringing coffee');
  await page.getByTestId('composer-input').press('Enter');
  await expect(message(page, 'Also bringing coffee')).toBeInViewport();

  await phone.context.close();
  expect(errors).toEqual([]);
});
