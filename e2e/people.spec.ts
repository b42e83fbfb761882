import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { collectErrors, ok } from './support.js';

/*
 * People and time: picking several people for a group, times in the profile's time zone,
 * and the contact card's reporting line and Message button. The organization is set up
 * through the API, so this file runs alone on a fresh server or after the other journeys.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'people journey 2026';
/** The first administrator foundation.spec.ts creates, when it ran first on this server. */
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };
/** Unique name parts, so a search finds exactly one person whatever else the server holds. */
const PAT = { name: `Pat Quill${RUN}`, email: `pat.${RUN}@example.com` };
const QUINN = { name: `Quinn Mabe${RUN}`, email: `quinn.${RUN}@example.com` };
const ROBIN = { name: `Robin Ostra${RUN}`, email: `robin.${RUN}@example.com` };

const ids = { pat: '', quinn: '', robin: '' };
let admin: APIRequestContext;

/** Pat (an admin when this run sets the organization up), Quinn and Robin. */
async function setUp(browser: Browser, baseURL: string): Promise<void> {
  const ctx = await browser.newContext();
  const status = await (await ctx.request.get(`${baseURL}/api/setup`)).json();
  if (status.needsSetup) {
    const me = await ok<{ user: { id: string } }>(
      await ctx.request.post(`${baseURL}/api/setup`, {
        data: { organizationName: 'People Co', displayName: PAT.name, email: PAT.email, password: PASSWORD, ...profile },
      }),
    );
    ids.pat = me.user.id;
    admin = ctx.request;
  } else {
    await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = ctx.request;
  }
  for (const [key, person] of Object.entries({ pat: PAT, quinn: QUINN, robin: ROBIN }) as [keyof typeof ids, typeof PAT][]) {
    if (ids[key]) continue;
    const { token } = await ok<{ token: string }>(await admin.post(`${baseURL}/api/invites`, { data: {} }));
    const joiner = await browser.newContext();
    const me = await ok<{ user: { id: string } }>(
      await joiner.request.post(`${baseURL}/api/invites/accept`, {
        data: { token, displayName: person.name, email: person.email, password: PASSWORD, ...profile },
      }),
    );
    ids[key] = me.user.id;
    await joiner.close();
  }
}

/** A signed-in page for Pat; the browser's own clock may sit in another time zone than Pat's profile. */
async function patPage(browser: Browser, baseURL: string, timezoneId = 'Asia/Shanghai', width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, timezoneId });
  await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: { email: PAT.email, password: PASSWORD } }));
  return ctx.newPage();
}

test.beforeAll(async ({ browser, baseURL }) => {
  await setUp(browser, baseURL!);
});

test('creating a group with three people through the picker', async ({ browser, baseURL }) => {
  const page = await patPage(browser, baseURL!);
  const errors = collectErrors(page);
  await page.goto('/messages');
  await page.getByTestId('new-chat').click();
  await page.getByTestId('new-group').click();
  await page.getByTestId('new-chat-name').fill(`Three of us ${RUN}`);

  const picker = page.getByTestId('new-chat-members');
  await picker.click();
  await page.keyboard.type(`Mabe${RUN}`);
  await page.getByTestId(`people-option-${ids.quinn}`).click();
  // The search starts over after a pick: the next name is not glued onto the last one.
  await page.keyboard.type(`Ostra${RUN}`);
  await page.getByTestId(`people-option-${ids.robin}`).click();
  await expect(picker.locator('.ant-select-selection-item')).toHaveCount(2);
  // Enter on a search that matches nobody never drops somebody already picked.
  await page.keyboard.type('nobody-by-this-name');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(picker.locator('.ant-select-selection-item')).toHaveCount(2);
  await expect(picker).toContainText(QUINN.name);
  await expect(picker).toContainText(ROBIN.name);

  // Leaving the picker clears the unmatched search (the field shrinks back), then create.
  await page.locator('.ant-modal-title').click();
  await page.getByTestId('new-chat-create').click();
  await expect(page.getByTestId('conversation')).toBeVisible();
  await expect(page.getByTestId('conv-name')).toHaveText(`Three of us ${RUN}`);
  await expect(page.locator('.msg-conv-sub')).toContainText('3 members');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a group of just me is refused, in the dialog and by the server', async ({ browser, baseURL }) => {
  const page = await patPage(browser, baseURL!);
  await page.goto('/messages');
  await page.getByTestId('new-chat').click();
  await page.getByTestId('new-group').click();
  await page.getByTestId('new-chat-name').fill(`Just me ${RUN}`);
  await page.getByTestId('new-chat-create').click();
  await expect(page.getByTestId('new-chat-members-error')).toHaveText('Add at least one other person.');
  await expect(page.getByTestId('conversation')).toHaveCount(0);

  const res = await page.request.post('/api/chats', {
    data: { kind: 'group', name: `Just me ${RUN}`, visibility: 'private', memberIds: [ids.pat] },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.code).toBe('chat.too_few_members');
  await page.context().close();
});

test('times follow the profile’s time zone, not the browser’s', async ({ browser, baseURL }) => {
  // Pat's profile says Shanghai; this browser's clock says Los Angeles (15 or 16 hours behind).
  const page = await patPage(browser, baseURL!, 'America/Los_Angeles');
  const chat = await ok<{ id: string }>(await page.request.post('/api/chats/direct', { data: { userId: ids.quinn } }));
  const sent = await ok<{ createdAt: string }>(
    await page.request.post(`/api/chats/${chat.id}/messages`, {
      data: { clientId: `tz-${RUN}`, kind: 'text', content: { text: `Morning handover ${RUN}` } },
    }),
  );
  const inShanghai = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(sent.createdAt),
  );
  await page.goto(`/messages/${chat.id}`);
  const bubble = page.getByTestId('message').filter({ hasText: `Morning handover ${RUN}` });
  await expect(bubble.locator('.msg-time')).toHaveText(inShanghai);
  await expect(page.getByTestId(`chat-row-${chat.id}`).locator('.msg-chat-time')).toHaveText(inShanghai);
  await page.context().close();
});

test('the contact card names the manager and reports, links them, and opens a direct chat', async ({ browser, baseURL }) => {
  for (const id of [ids.quinn, ids.robin]) {
    await ok(await admin.patch(`${baseURL}/api/members/${id}`, { data: { managerId: ids.pat } }));
  }
  for (const width of [1280, 390]) {
    const page = await patPage(browser, baseURL!, 'Asia/Shanghai', width);
    await page.goto('/directory');
    await page.getByTestId('directory-search').fill(`Mabe${RUN}`);
    await page.getByTestId('directory-results').getByTestId('member-row-name').filter({ hasText: QUINN.name }).click();
    const card = page.getByTestId('contact-card');
    await expect(card.getByTestId('contact-card-name')).toHaveText(QUINN.name);

    // The manager's name opens the manager's card, which lists the reports by name.
    await card.getByTestId('contact-card-manager').click();
    await expect(card.getByTestId('contact-card-name')).toHaveText(PAT.name);
    await expect(card.getByTestId(`contact-card-report-${ids.quinn}`)).toContainText(QUINN.name);
    await expect(card.getByTestId(`contact-card-report-${ids.robin}`)).toContainText(ROBIN.name);
    // No "Message" to myself.
    await expect(card.getByTestId('contact-card-message')).toHaveCount(0);
    if (width === 390) expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);

    // A report's name opens their card; Message opens our direct chat in the messenger.
    await card.getByTestId(`contact-card-report-${ids.robin}`).click();
    await expect(card.getByTestId('contact-card-name')).toHaveText(ROBIN.name);
    await card.getByTestId('contact-card-message').click();
    await expect(page).toHaveURL(/\/messages\/chat_\w+$/);
    await expect(page.getByTestId('conversation')).toBeVisible();
    await expect(page.getByTestId('conv-name')).toHaveText(ROBIN.name);
    await expect(page.getByTestId('contact-card')).toHaveCount(0);
    await page.context().close();
  }
});
