import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { adminContext, ok } from './support.js';

/*
 * Presence and typing between two browsers: Bob sees Alice online in their direct chat, sees
 * "Alice is typing…" while she types (gone when her message lands), sees her away after five
 * minutes without input (her page's clock is fast-forwarded: no real wait), back online when
 * she moves, and offline when she closes her browser. Sets the organization up through the API
 * when it runs alone on a fresh server, or joins the one foundation.spec.ts made.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'presence journey 2026';
const ALICE = { name: 'Alice Presence', email: `alice.p.${RUN}@example.com` };
const BOB = { name: 'Bob Presence', email: `bob.p.${RUN}@example.com` };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };

async function join(
  browser: Browser,
  baseURL: string,
  admin: APIRequestContext,
  who: typeof ALICE,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ viewport });
  const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
  const me = await ok<{ user: { id: string } }>(
    await context.request.post(`${baseURL}/api/invites/accept`, {
      data: { token, displayName: who.name, email: who.email, password: PASSWORD, ...profile },
    }),
  );
  return { id: me.user.id, context, page: await context.newPage() };
}

/** The presence dot of `userId` inside the open conversation's header. */
const headerDot = (page: Page, userId: string) =>
  page.getByTestId('conversation').locator(`[data-testid="presence-dot"][data-user-id="${userId}"]`);

test('presence and typing between two browsers', async ({ browser, baseURL }, testInfo) => {
  const adminCtx = await adminContext(browser, baseURL!, {
    organizationName: 'Presence Co',
    email: `admin.${RUN}@example.com`,
    password: PASSWORD,
    ...profile,
  });
  const alice = await join(browser, baseURL!, adminCtx.request, ALICE, { width: 1280, height: 800 });
  // Bob is on a phone-sized screen: the dot and the typing line must work at 390 px too.
  const bob = await join(browser, baseURL!, adminCtx.request, BOB, { width: 390, height: 844 });
  const chat = await ok<{ id: string }>(
    await alice.context.request.post(`${baseURL}/api/chats/direct`, { data: { userId: bob.id } }),
  );

  // Alice's page runs on a clock the test can move, to play five quiet minutes at once.
  await alice.page.clock.install();
  await alice.page.goto(`/messages/${chat.id}`);
  await bob.page.goto(`/messages/${chat.id}`);
  await expect(alice.page.getByTestId('conversation')).toBeVisible();

  // Bob sees Alice online, in words on hover and as the dot's state.
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'online');
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('aria-label', 'Online');

  // Alice types: Bob sees it under the history; her message arriving ends it at once.
  const typing = bob.page.getByTestId('typing-indicator');
  await expect(typing).toHaveText('');
  await alice.page.getByTestId('composer-input').pressSequentially('Are you around for the review?', { delay: 20 });
  await expect(typing).toHaveText(`${ALICE.name} is typing…`);
  await bob.page.screenshot({ path: testInfo.outputPath('typing-bob-390.png') });
  await alice.page.getByTestId('composer-input').press('Enter');
  await expect(bob.page.getByTestId('message').filter({ hasText: 'review' })).toBeVisible();
  await expect(typing).toHaveText('', { timeout: 1500 });

  // Five minutes without input on Alice's side: Bob sees her away.
  await alice.page.clock.fastForward('05:05');
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'away');
  // She moves the mouse: online again.
  await alice.page.mouse.move(200, 200);
  await alice.page.mouse.move(300, 260);
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'online');

  // Alice sets do not disturb from her account menu: Bob sees it.
  await alice.page.getByTestId('account-menu').click();
  await alice.page.getByTestId('status-menu').click();
  await alice.page.getByTestId('status-dnd').click();
  await alice.page.getByTestId('status-save').click();
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'dnd');
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('aria-label', /^Do not disturb until /);
  await alice.page.getByTestId('account-menu').click();
  await expect(alice.page.getByTestId('status-menu')).toContainText('Do not disturb');
  await alice.page.keyboard.press('Escape');
  await alice.page.getByTestId('account-menu').click();
  await alice.page.getByTestId('status-menu').click();
  await alice.page.getByTestId('status-auto').click();
  await alice.page.getByTestId('status-save').click();
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'online');

  // Alice closes her browser: Bob sees her offline.
  await alice.context.close();
  await expect(headerDot(bob.page, alice.id)).toHaveAttribute('data-status', 'offline');
  await bob.page.screenshot({ path: testInfo.outputPath('offline-bob-390.png') });
  await bob.context.close();
  await adminCtx.close();
});
