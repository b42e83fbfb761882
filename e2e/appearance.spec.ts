import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { collectErrors as collectConsoleErrors, ok } from './support.js';

/*
 * Appearance and links: dark mode (following the device, or chosen in settings) on a phone,
 * and addresses for a message, a person and a department that open them, also through
 * signing in. The organization is set up through the API, so this file runs on its own from a
 * fresh server, or after foundation.spec.ts on the same one.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'appearance journey 2026';
const ANA = { name: 'Ana Lima', email: `ana.${RUN}@example.com` };
const BEN = { name: 'Ben Okafor', email: `ben.${RUN}@example.com` };
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Console errors, without the 401 a signed-out deep link answers on purpose. */
const collectErrors = (page: Page) => collectConsoleErrors(page, (text) => text.includes('status of 401'));

interface World {
  admin: APIRequestContext;
  ana: { id: string; api: APIRequestContext };
  benId: string;
  chatId: string;
  /** The 5th of 80 messages: far outside the newest page the chat opens on. */
  oldMessageId: string;
  departmentId: string;
}

let world: World | undefined;

/** Ana (admin of a fresh organization, or invited) and Ben in a group with 80 messages; Ben in a department. */
async function setUp(browser: Browser, baseURL: string): Promise<World> {
  if (world) return world;
  const anaCtx = await browser.newContext();
  const status = await (await anaCtx.request.get(`${baseURL}/api/setup`)).json();
  let admin: APIRequestContext;
  let anaId: string;
  if (status.needsSetup) {
    const me = await ok<{ user: { id: string } }>(
      await anaCtx.request.post(`${baseURL}/api/setup`, {
        data: {
          organizationName: 'Skein Appearance Co',
          displayName: ANA.name,
          email: ANA.email,
          password: PASSWORD,
          ...profile,
        },
      }),
    );
    anaId = me.user.id;
    admin = anaCtx.request;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
    const me = await ok<{ user: { id: string } }>(
      await anaCtx.request.post(`${baseURL}/api/invites/accept`, {
        data: { token, displayName: ANA.name, email: ANA.email, password: PASSWORD, ...profile },
      }),
    );
    anaId = me.user.id;
  }
  const benCtx = await browser.newContext();
  const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
  const ben = await ok<{ user: { id: string } }>(
    await benCtx.request.post(`${baseURL}/api/invites/accept`, {
      data: { token, displayName: BEN.name, email: BEN.email, password: PASSWORD, ...profile },
    }),
  );
  await benCtx.close();
  const department = await ok<{ id: string }>(await admin.post('/api/departments', { data: { name: `Field Ops ${RUN}` } }));
  await ok(
    await admin.patch(`/api/members/${ben.user.id}`, {
      data: { departmentIds: [department.id], primaryDepartmentId: department.id },
    }),
  );
  const chat = await ok<{ id: string }>(
    await anaCtx.request.post(`${baseURL}/api/chats`, { data: { kind: 'group', name: 'Links test', memberIds: [ben.user.id] } }),
  );
  let oldMessageId = '';
  for (let i = 1; i <= 80; i++) {
    const m = await ok<{ id: string }>(
      await anaCtx.request.post(`${baseURL}/api/chats/${chat.id}/messages`, {
        data: { clientId: `c-${RUN}-${i}`, kind: 'text', content: { text: `Update number ${i} of the rollout` } },
      }),
    );
    if (i === 5) oldMessageId = m.id;
  }
  world = {
    admin,
    ana: { id: anaId, api: anaCtx.request },
    benId: ben.user.id,
    chatId: chat.id,
    oldMessageId,
    departmentId: department.id,
  };
  return world;
}

/** Relative luminance (0 black … 1 white) of the first matching element's background (opaque ones) or text colour. */
async function backgroundLuminance(page: Page, selector: string, property: 'backgroundColor' | 'color' = 'backgroundColor') {
  const color = await page
    .locator(selector)
    .first()
    .evaluate((el, prop) => getComputedStyle(el)[prop], property);
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

async function signIn(page: Page, email: string) {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

test('dark mode at 390 px', async ({ browser, baseURL }, testInfo) => {
  const w = await setUp(browser, baseURL!);
  const phone = await browser.newContext({ ...PHONE, colorScheme: 'light' });
  await ok(await phone.request.post(`${baseURL}/api/auth/login`, { data: { email: BEN.email, password: PASSWORD } }));
  const page = await phone.newPage();
  const errors = collectErrors(page);

  // A light device, no choice made: light pages.
  await page.goto('/messages');
  await expect(page.getByTestId(`chat-row-${w.chatId}`)).toBeVisible();
  expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  expect(await backgroundLuminance(page, '.msg-page')).toBeGreaterThan(0.8);

  // Settings → Appearance → Dark: the page turns dark at once.
  await page.goto('/settings/appearance');
  await page.getByTestId('appearance-dark').click();
  await expect.poll(() => backgroundLuminance(page, 'body')).toBeLessThan(0.05);
  await page.screenshot({ path: testInfo.outputPath('settings-dark-390.png') });

  // The messenger (list and an open conversation) and the directory are dark too, after a reload.
  await page.goto('/messages');
  await expect(page.getByTestId(`chat-row-${w.chatId}`)).toBeVisible();
  expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);
  expect(await backgroundLuminance(page, '.msg-list-pane')).toBeLessThan(0.05);
  expect(await backgroundLuminance(page, '.skein-bottom-nav')).toBeLessThan(0.05);
  await page.screenshot({ path: testInfo.outputPath('messenger-dark-390.png') });
  await page.getByTestId(`chat-row-${w.chatId}`).click();
  await expect(page.getByTestId('message').filter({ hasText: 'Update number 1 of the rollout' })).toBeVisible();
  expect(await backgroundLuminance(page, '.msg-conv')).toBeLessThan(0.05);
  // Bubbles are a translucent tint: what shows is their text, light on dark.
  expect(await backgroundLuminance(page, '.msg-content', 'color')).toBeGreaterThan(0.6);
  await page.screenshot({ path: testInfo.outputPath('conversation-dark-390.png') });

  await page.goto('/directory');
  await expect(page.getByTestId(`member-row-${w.benId}`)).toBeVisible();
  expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);
  expect(await backgroundLuminance(page, '.ant-card')).toBeLessThan(0.05);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('directory-dark-390.png') });

  // Back to System on a light device: light again.
  await page.goto('/settings/appearance');
  await page.getByTestId('appearance-system').click();
  await expect.poll(() => backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  await phone.close();
  expect(errors).toEqual([]);
});

test('the System appearance follows a dark device, and Light overrides it', async ({ browser, baseURL }, testInfo) => {
  await setUp(browser, baseURL!);
  const ctx = await browser.newContext({ colorScheme: 'dark' });
  await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: { email: BEN.email, password: PASSWORD } }));
  const page = await ctx.newPage();
  await page.goto('/directory');
  await expect(page.getByTestId('directory-page')).toBeVisible();
  expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05);
  await page.goto('/messages');
  await expect(page.getByTestId('chat-list-pane')).toBeVisible();
  expect(await backgroundLuminance(page, '.skein-sider')).toBeLessThan(0.05);
  await page.screenshot({ path: testInfo.outputPath('messenger-dark-1280.png') });
  await page.goto('/settings/appearance');
  await page.getByTestId('appearance-light').click();
  await expect.poll(() => backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  await page.reload();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.8);
  await ctx.close();
});

test('a message link opened signed out lands on the message after signing in', async ({ browser, baseURL }, testInfo) => {
  const w = await setUp(browser, baseURL!);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);

  await page.goto(`/messages/${w.chatId}/${w.oldMessageId}`);
  await expect(page.getByTestId('login-page')).toBeVisible();
  await signIn(page, BEN.email);

  const target = page.locator(`#m-${w.oldMessageId}`);
  await expect(target).toContainText('Update number 5 of the rollout');
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/highlight/);
  await expect(page.getByTestId('conv-name')).toHaveText('Links test');
  await page.screenshot({ path: testInfo.outputPath('message-link-1280.png') });
  await ctx.close();
  expect(errors).toEqual([]);
});

test('Copy link on a message gives an address that opens it', async ({ browser, baseURL }) => {
  const w = await setUp(browser, baseURL!);
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: { email: BEN.email, password: PASSWORD } }));
  // Read up to the end, so the chat opens at its newest message rather than at the first unread.
  await ok(await ctx.request.post(`${baseURL}/api/chats/${w.chatId}/read`, { data: { seq: 1_000_000 } }));
  const page = await ctx.newPage();
  await page.goto(`/messages/${w.chatId}`);
  const latest = page.getByTestId('message').filter({ hasText: 'Update number 80' });
  await latest.hover();
  await latest.getByTestId('action-more').click();
  await page.getByTestId('action-copy-link').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const latestId = await latest.getAttribute('data-message-id');
  expect(link).toBe(`${baseURL}/messages/${w.chatId}/${latestId}`);

  // Pasted into another chat's address bar later: it opens the chat on that message.
  await page.goto('/directory');
  await page.goto(link);
  await expect(page.locator(`#m-${latestId}`)).toBeInViewport();
  await ctx.close();
});

test('a person and a department have links: the card opens, copies its link, and closes back to the directory', async ({
  browser,
  baseURL,
}) => {
  const w = await setUp(browser, baseURL!);
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await ctx.newPage();
  const errors = collectErrors(page);

  // Signed out, a person's link survives signing in and opens their card.
  await page.goto(`/directory/people/${w.benId}`);
  await expect(page.getByTestId('login-page')).toBeVisible();
  await signIn(page, ANA.email);
  await expect(page.getByTestId('contact-card-name')).toHaveText(BEN.name);
  await page.getByTestId('contact-card-copy-link').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/directory/people/${w.benId}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('contact-card')).toHaveCount(0);
  await expect(page).toHaveURL(/\/directory$/);

  // A department's link selects it and lists its people; picking "all" changes the address back.
  await page.goto(`/directory/departments/${w.departmentId}`);
  await expect(page.getByTestId(`member-row-${w.benId}`)).toBeVisible();
  await expect(page.getByTestId(`member-row-${w.ana.id}`)).toHaveCount(0);
  await page.getByTestId('department-__all__').click();
  await expect(page).toHaveURL(/\/directory$/);
  await expect(page.getByTestId(`member-row-${w.ana.id}`)).toBeVisible();
  await page.getByTestId(`department-${w.departmentId}`).click();
  await expect(page).toHaveURL(new RegExp(`/directory/departments/${w.departmentId}$`));
  await ctx.close();
  expect(errors).toEqual([]);
});
