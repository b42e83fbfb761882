import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { adminContext, collectErrors, ok } from './support.js';

/*
 * Notification levels, in Bob's browser: he sets a group to "mentions only". A plain message
 * there leaves the total badge and the tab title alone and shows no desktop notification; a
 * mention brings the "@you" marker, the count on "Mentions" and one notification; in
 * do-not-disturb even a mention stays quiet. Desktop notifications are recorded by a stand-in
 * for the browser's Notification (granted, tab in the background). Sets the organization up
 * through the API on a fresh server, or joins the one foundation.spec.ts made.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'notify journey 2026';
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };

async function join(browser: Browser, baseURL: string, admin: APIRequestContext, name: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
  const me = await ok<{ user: { id: string } }>(
    await context.request.post(`${baseURL}/api/invites/accept`, {
      data: {
        token,
        displayName: name,
        email: `${name.toLowerCase().replace(' ', '.')}.${RUN}@example.com`,
        password: PASSWORD,
        ...profile,
      },
    }),
  );
  return { id: me.user.id, context };
}

/** Desktop notifications shown so far (the stand-in records their titles and bodies). */
const shown = (page: Page) => page.evaluate(() => (window as unknown as { __notes: string[] }).__notes);

test('a mentions-only chat: plain messages stay quiet, mentions show', async ({ browser, baseURL }, testInfo) => {
  const adminCtx = await adminContext(browser, baseURL!, {
    organizationName: 'Notify Co',
    email: `admin.${RUN}@example.com`,
    password: PASSWORD,
    ...profile,
  });
  const alice = await join(browser, baseURL!, adminCtx.request, 'Alice Notify');
  const bob = await join(browser, baseURL!, adminCtx.request, 'Bob Notify');
  const group = (name: string) =>
    alice.context.request
      .post(`${baseURL}/api/chats`, { data: { kind: 'group', name, memberIds: [bob.id] } })
      .then((res) => ok<{ id: string }>(res));
  const quiet = await group(`Quiet ${RUN}`);
  const loud = await group(`Loud ${RUN}`);
  let n = 0;
  const say = async (chatId: string, text: string) => {
    n += 1;
    await ok(
      await alice.context.request.post(`${baseURL}/api/chats/${chatId}/messages`, {
        data: { clientId: `notify-${RUN}-${n}`, kind: 'text', content: { text } },
      }),
    );
  };

  // Bob's tab is in the background with notifications allowed; every notification is recorded.
  await bob.context.addInitScript(() => {
    const notes: string[] = [];
    (window as unknown as { __notes: string[] }).__notes = notes;
    class Recorder {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, opts?: { body?: string }) {
        notes.push(`${title}: ${opts?.body ?? ''}`);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: Recorder, configurable: true });
    const w = window as unknown as { __visible?: boolean };
    Object.defineProperty(document, 'visibilityState', { get: () => (w.__visible ? 'visible' : 'hidden'), configurable: true });
  });
  const page = await bob.context.newPage();
  const errors = collectErrors(page);

  // Bob sets the quiet group to "mentions only" in its info drawer.
  await page.goto(`/messages/${quiet.id}`);
  await page.getByTestId('open-chat-info').click();
  await page.getByTestId('notify-level-mentions').click();
  await expect(page.getByTestId('chat-notify-level').locator('input[value="mentions"]')).toBeChecked();
  await page.goto('/messages');
  const quietRow = page.getByTestId(`chat-row-${quiet.id}`);
  const total = page.getByTestId('messages-unread-total');

  // A message in the loud group counts in the total and in the tab title.
  await say(loud.id, 'Lunch at noon');
  await expect(total).toHaveText('1');
  await expect(page).toHaveTitle('(1) Skein');

  // A plain message in the quiet group: its own row counts it, the total and title do not.
  await say(quiet.id, 'Build 42 is green');
  await expect(quietRow.getByTestId('chat-row-unread')).toHaveText('1');
  await expect(total).toHaveText('1');
  await expect(page).toHaveTitle('(1) Skein');
  await expect(quietRow.getByTestId('chat-row-at-you')).toHaveCount(0);

  // A mention there: "@you" on the row, a count on "Mentions", one desktop notification.
  await say(quiet.id, `<at user_id="${bob.id}">Bob Notify</at> please review the release notes`);
  await expect(quietRow.getByTestId('chat-row-at-you')).toHaveText('@you');
  await expect(page.getByTestId('view-mentions-count')).toContainText('1');
  await expect(quietRow.getByTestId('chat-row-unread')).toHaveText('2');
  await expect(total).toHaveText('1');
  await expect.poll(() => shown(page)).toEqual([`Quiet ${RUN}: @Bob Notify please review the release notes`]);
  await page.screenshot({ path: testInfo.outputPath('notify-1280.png') });

  // In do-not-disturb even a mention stays quiet (the marker still shows what is waiting).
  await ok(await bob.context.request.put(`${baseURL}/api/me/presence`, { data: { dnd: { until: null }, schedule: null } }));
  await page.reload();
  await expect(quietRow.getByTestId('chat-row-at-you')).toBeVisible();
  await page.waitForTimeout(500); // let presence's state arrive before the next event
  await say(quiet.id, `<at user_id="${bob.id}">Bob Notify</at> one more thing`);
  await expect(page.getByTestId('view-mentions-count')).toContainText('2');
  await page.waitForTimeout(500);
  expect(await shown(page)).toEqual([]);

  // Back in the tab, opening the chat reads it: marker, mentions count and row badge go; the title keeps the loud one.
  await page.evaluate(() => {
    (window as unknown as { __visible: boolean }).__visible = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await quietRow.click();
  await expect(quietRow.getByTestId('chat-row-at-you')).toHaveCount(0);
  await expect(page.getByTestId('view-mentions-count')).not.toContainText(/\d/);
  await expect(page).toHaveTitle('(1) Skein');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/messages');
  await page.screenshot({ path: testInfo.outputPath('notify-390.png') });
  expect(errors).toEqual([]);
});
