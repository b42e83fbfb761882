import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { collectErrors, ok } from './support.js';

/*
 * The messenger journey, in two real browsers: Alice and Bob chat, thread, react and watch
 * unread counts move live. The organization is set up through the API (fast), so this file
 * runs on its own from a fresh server, or after foundation.spec.ts on the same one.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'messenger journey 2026';
const ALICE = { name: 'Alice Chen', email: `alice.${RUN}@example.com` };
const BOB = { name: 'Bob Tanaka', email: `bob.${RUN}@example.com` };
/** The first administrator foundation.spec.ts creates, when it ran first on this server. */
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };

interface Person {
  id: string;
  context: BrowserContext;
  page: Page;
}

/** An invite link's token, made by an admin's request context. */
async function inviteToken(admin: APIRequestContext): Promise<string> {
  return (await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }))).token;
}

/** Alice sets the organization up (fresh server) or joins it by invite; Bob joins by invite. Each gets a signed-in browser. */
async function setUpPeople(browser: Browser, baseURL: string): Promise<{ alice: Person; bob: Person }> {
  const viewport = { width: 1280, height: 800 };
  const aliceCtx = await browser.newContext({ viewport });
  const bobCtx = await browser.newContext({ viewport });
  const status = await (await aliceCtx.request.get(`${baseURL}/api/setup`)).json();
  let aliceId: string;
  let admin: APIRequestContext;
  if (status.needsSetup) {
    const me = await ok<{ user: { id: string } }>(
      await aliceCtx.request.post(`${baseURL}/api/setup`, {
        data: {
          organizationName: 'Skein Messenger Co',
          displayName: ALICE.name,
          email: ALICE.email,
          password: PASSWORD,
          ...profile,
        },
      }),
    );
    aliceId = me.user.id;
    admin = aliceCtx.request;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    const token = await inviteToken(admin);
    const me = await ok<{ user: { id: string } }>(
      await aliceCtx.request.post(`${baseURL}/api/invites/accept`, {
        data: { token, displayName: ALICE.name, email: ALICE.email, password: PASSWORD, ...profile },
      }),
    );
    aliceId = me.user.id;
  }
  const token = await inviteToken(admin);
  const bobMe = await ok<{ user: { id: string } }>(
    await bobCtx.request.post(`${baseURL}/api/invites/accept`, {
      data: { token, displayName: BOB.name, email: BOB.email, password: PASSWORD, ...profile },
    }),
  );
  return {
    alice: { id: aliceId, context: aliceCtx, page: await aliceCtx.newPage() },
    bob: { id: bobMe.user.id, context: bobCtx, page: await bobCtx.newPage() },
  };
}

/** The message bubble whose text contains `text`. */
const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text }).last();

let chatId = '';

test('two people chat, thread, react and see unread counts live', async ({ browser, baseURL }, testInfo) => {
  const { alice, bob } = await setUpPeople(browser, baseURL!);
  const errors = [...collectErrors(alice.page), ...collectErrors(bob.page)];
  await alice.page.goto('/messages');
  await bob.page.goto('/messages');
  await expect(alice.page.getByTestId('chat-list-pane')).toBeVisible();
  await expect(bob.page.getByTestId('chat-list-pane')).toBeVisible();

  // Alice creates a group with Bob, picking him from the directory as she types.
  await alice.page.getByTestId('new-chat').click();
  await alice.page.getByTestId('new-group').click();
  await alice.page.getByTestId('new-chat-name').fill('Launch plan');
  await alice.page.getByTestId('new-chat-members').click();
  await alice.page.keyboard.type('Bob');
  await alice.page.getByTestId(`people-option-${bob.id}`).click();
  await alice.page.getByTestId('new-chat-create').click();
  await expect(alice.page.getByTestId('conversation')).toBeVisible();
  await expect(alice.page.getByTestId('conv-name')).toHaveText('Launch plan');
  chatId = /\/messages\/(chat_\w+)/.exec(alice.page.url())![1];

  // Bob's list shows the new group at once; Alice's first message brings an unread badge.
  const bobRow = bob.page.getByTestId(`chat-row-${chatId}`);
  await expect(bobRow).toBeVisible();
  await alice.page.getByTestId('composer-input').fill('Hello Bob, **kickoff** at 10:00');
  await alice.page.getByTestId('composer-input').press('Enter');
  await expect(message(alice.page, 'kickoff')).toBeVisible();
  await expect(alice.page.getByTestId('message-pending')).toHaveCount(0);
  await expect(bobRow.getByTestId('chat-row-unread')).toHaveText('1');
  await expect(bobRow.getByTestId('chat-row-preview')).toContainText('Hello Bob');
  await expect(bob.page.getByTestId('messages-unread-total')).toHaveText('1');

  // Bob opens the chat: the rich text renders, and his badges clear.
  await bobRow.click();
  await expect(message(bob.page, 'kickoff').locator('strong')).toHaveText('kickoff');
  await expect(bobRow.getByTestId('chat-row-unread')).toHaveCount(0);
  await expect(bob.page.getByTestId('messages-unread-total')).toHaveCount(0);

  // A message from Alice appears in Bob's open chat live.
  await alice.page.getByTestId('composer-input').fill('Can you draft the release notes?');
  await alice.page.getByTestId('composer-send').click();
  const notes = message(bob.page, 'release notes');
  await expect(notes).toBeVisible();

  // Bob answers in a thread; Alice sees the reply count live and opens the thread.
  await notes.hover();
  await notes.getByTestId('action-thread').click();
  await expect(bob.page.getByTestId('thread-panel')).toBeVisible();
  await bob.page.getByTestId('thread-composer').getByTestId('composer-input').fill('On it, draft by Friday');
  await bob.page.getByTestId('thread-composer').getByTestId('composer-input').press('Enter');
  await expect(bob.page.getByTestId('thread-replies')).toContainText('draft by Friday');
  const aliceNotes = message(alice.page, 'release notes');
  await expect(aliceNotes.getByTestId('thread-count')).toHaveText(/1 reply/);
  await aliceNotes.getByTestId('thread-count').click();
  await expect(alice.page.getByTestId('thread-replies')).toContainText('draft by Friday');
  await alice.page.getByTestId('thread-close').click();

  // Bob reacts; Alice sees the reaction (and only Bob's is highlighted in his own view).
  await notes.hover();
  await notes.getByTestId('action-react').click();
  await bob.page.getByTestId('emoji-👍').click();
  await expect(notes.getByTestId('reaction-👍')).toHaveAttribute('aria-pressed', 'true');
  await expect(aliceNotes.getByTestId('reaction-👍')).toContainText('1');
  await expect(aliceNotes.getByTestId('reaction-👍')).toHaveAttribute('aria-pressed', 'false');
  // Alice's message shows Bob has read it.
  await expect(aliceNotes.getByTestId('message-receipt')).toHaveText(/Read by all/);
  await alice.page.screenshot({ path: testInfo.outputPath('conversation-alice-1280.png') });
  await bob.page.screenshot({ path: testInfo.outputPath('conversation-bob-1280.png') });

  // Bob goes to the directory; Alice's next message raises his badge there, live.
  await bob.page.getByTestId('nav-directory').click();
  await expect(bob.page.getByTestId('directory-page')).toBeVisible();
  await alice.page.getByTestId('composer-input').fill('One more thing: the demo is on Monday');
  await alice.page.getByTestId('composer-input').press('Enter');
  await expect(bob.page.getByTestId('messages-unread-total')).toHaveText('1');
  await alice.page.getByTestId('composer-input').fill('And bring the slides');
  await alice.page.getByTestId('composer-input').press('Enter');
  await expect(bob.page.getByTestId('messages-unread-total')).toHaveText('2');

  // Opening the chat clears it.
  await bob.page.getByTestId('nav-messages').click();
  await expect(bobRow.getByTestId('chat-row-unread')).toHaveText('2');
  await bob.page.screenshot({ path: testInfo.outputPath('chat-list-bob-1280.png') });
  await bobRow.click();
  await expect(message(bob.page, 'bring the slides')).toBeVisible();
  await expect(bobRow.getByTestId('chat-row-unread')).toHaveCount(0);
  await expect(bob.page.getByTestId('messages-unread-total')).toHaveCount(0);

  await alice.context.close();
  await bob.context.close();
  expect(errors).toEqual([]);
});

test('the chat list and a conversation fit a 390 px phone screen', async ({ browser, baseURL }, testInfo) => {
  test.skip(!chatId, 'needs the chat of the first test');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await ok(await phone.request.post(`${baseURL}/api/auth/login`, { data: { email: BOB.email, password: PASSWORD } }));
  const page = await phone.newPage();
  const errors = collectErrors(page);
  const noOverflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= 390);

  await page.goto('/messages');
  await expect(page.getByTestId('chat-list-pane')).toBeVisible();
  await expect(page.getByTestId(`chat-row-${chatId}`)).toBeVisible();
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('chat-list-390.png') });

  // One screen at a time: the conversation replaces the list, with a way back.
  await page.getByTestId(`chat-row-${chatId}`).click();
  await expect(page.getByTestId('conversation')).toBeVisible();
  await expect(page.getByTestId('chat-list-pane')).toHaveCount(0);
  await expect(message(page, 'bring the slides')).toBeVisible();
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('conversation-390.png') });

  // The thread opens full screen.
  await message(page, 'release notes').getByTestId('thread-count').click();
  await expect(page.getByTestId('thread-panel')).toBeVisible();
  await expect(page.getByTestId('thread-replies')).toContainText('draft by Friday');
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('thread-390.png') });
  await page.getByTestId('thread-close').click();

  await page.getByTestId('conv-back').click();
  await expect(page.getByTestId('chat-list-pane')).toBeVisible();
  await phone.close();
  expect(errors).toEqual([]);
});

test('a colleague finds a public group, joins it, and edits a rich message without losing its bold', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(!chatId, 'needs the people of the first test');
  const viewport = { width: 1280, height: 800 };
  const aliceCtx = await browser.newContext({ viewport });
  const bobCtx = await browser.newContext({ viewport });
  await ok(await aliceCtx.request.post(`${baseURL}/api/auth/login`, { data: { email: ALICE.email, password: PASSWORD } }));
  await ok(await bobCtx.request.post(`${baseURL}/api/auth/login`, { data: { email: BOB.email, password: PASSWORD } }));
  // Alice runs an open forum anybody may join (made through the API: joining is what this test is about).
  const name = `Design forum ${RUN}`;
  const group = await ok<{ id: string }>(
    await aliceCtx.request.post(`${baseURL}/api/chats`, {
      data: { kind: 'group', name, visibility: 'public', description: 'Open to everyone who cares about UI' },
    }),
  );
  const alice = await aliceCtx.newPage();
  const bob = await bobCtx.newPage();
  const errors = [...collectErrors(alice), ...collectErrors(bob)];
  await alice.goto(`/messages/${group.id}`);
  await expect(alice.getByTestId('conversation')).toBeVisible();

  // Bob browses the public groups, searches, previews the forum and joins.
  await bob.goto('/messages');
  await bob.getByTestId('view-discover').click();
  await expect(bob.getByTestId('public-groups')).toBeVisible();
  await bob.getByTestId('public-groups-search').fill('Design forum');
  const row = bob.getByTestId(`public-group-${group.id}`);
  await expect(row).toBeVisible();
  await bob.screenshot({ path: testInfo.outputPath('public-groups-1280.png') });
  await row.click();
  await expect(bob.getByTestId('chat-preview')).toBeVisible();
  await expect(bob.getByTestId('chat-preview-name')).toHaveText(name);
  await expect(bob.getByTestId('chat-preview-description')).toHaveText('Open to everyone who cares about UI');
  await bob.screenshot({ path: testInfo.outputPath('public-group-preview-1280.png') });
  await bob.getByTestId('join-chat').click();
  await expect(bob.getByTestId('conversation')).toBeVisible();
  await expect(bob.getByTestId('conv-name')).toHaveText(name);
  await expect(bob.getByTestId(`chat-row-${group.id}`)).toBeVisible();

  // Bob writes a rich message, then corrects it: the bold survives the edit, for him and for Alice.
  await bob.getByTestId('composer-input').fill('**Budget** draft v1');
  await bob.getByTestId('composer-input').press('Enter');
  const mine = message(bob, 'draft v1');
  await expect(mine.locator('strong')).toHaveText('Budget');
  await expect(bob.getByTestId('message-pending')).toHaveCount(0);
  await mine.hover();
  await mine.getByTestId('action-more').click();
  await bob.getByTestId('action-edit').click();
  const edit = bob.getByTestId('message-edit-input');
  await expect(edit).toHaveValue('**Budget** draft v1');
  await edit.fill('**Budget** draft v2');
  await bob.getByTestId('message-edit-save').click();
  const edited = message(bob, 'draft v2');
  await expect(edited.locator('strong')).toHaveText('Budget');
  await expect(edited).toContainText('(edited)');
  const seen = message(alice, 'draft v2');
  await expect(seen.locator('strong')).toHaveText('Budget');
  await expect(alice.getByTestId('message').filter({ hasText: 'draft v1' })).toHaveCount(0);

  // The same screens on a phone: the list of public groups fits 390 px.
  await bob.setViewportSize({ width: 390, height: 844 });
  await bob.goto('/messages/discover');
  await expect(bob.getByTestId(`public-group-${group.id}`)).toBeVisible();
  expect(await bob.evaluate(() => document.scrollingElement!.scrollWidth <= 390)).toBe(true);
  await bob.screenshot({ path: testInfo.outputPath('public-groups-390.png') });

  await aliceCtx.close();
  await bobCtx.close();
  expect(errors).toEqual([]);
});

/** A 16 × 16 blue PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGMwLvhPEmIY1TCqYfhqAABsgaIQKocBkgAAAABJRU5ErkJggg==',
  'base64',
);

test('an admin sets the edit window, makes a department group with a picture, and previews images before sending', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.skip(!chatId, 'needs the people of the first test');
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The organization's administrator: foundation.spec.ts's first admin when it ran first, else Alice.
  const asFoundation = await ctx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN });
  if (!asFoundation.ok())
    await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: { email: ALICE.email, password: PASSWORD } }));
  const department = await ok<{ id: string; name: string }>(
    await ctx.request.post(`${baseURL}/api/departments`, { data: { name: `Field sales ${RUN}` } }),
  );
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto('/messages');

  // The gear in the chat list header: the org-wide edit/recall window.
  await page.getByTestId('messenger-settings').click();
  await expect(page.getByTestId('messenger-settings-panel')).toBeVisible();
  await expect(page.getByTestId('edit-window-hours')).toHaveValue('24');
  await page.getByTestId('edit-window-hours').fill('48');
  await page.waitForTimeout(400); // the dialog's opening animation, for the screenshot
  await page.screenshot({ path: testInfo.outputPath('messenger-settings-1280.png') });
  await page.getByTestId('messenger-settings-save').click();
  await expect(page.getByTestId('messenger-settings-panel')).toHaveCount(0);
  expect(await (await ctx.request.get(`${baseURL}/api/messenger/settings`)).json()).toEqual({ editWindowHours: 48 });
  await ok(await ctx.request.put(`${baseURL}/api/messenger/settings`, { data: { editWindowHours: 24 } }));

  // New group → department group: members follow the department, so there is nothing to add or remove.
  await page.getByTestId('new-chat').click();
  await page.getByTestId('new-group').click();
  await page.getByTestId('new-chat-kind-department').click();
  await page.getByTestId('new-chat-department').click();
  await page.getByTestId(`department-option-${department.id}`).click();
  await expect(page.getByTestId('new-chat-name')).toHaveValue(department.name);
  await page.screenshot({ path: testInfo.outputPath('new-department-group-1280.png') });
  await page.getByTestId('new-chat-create').click();
  await expect(page.getByTestId('conv-name')).toHaveText(department.name);
  await expect(page.getByTestId('conv-department-tag')).toBeVisible();
  const deptChat = /\/messages\/(chat_\w+)/.exec(page.url())![1];
  await expect(page.getByTestId(`chat-row-${deptChat}`).getByTestId('chat-row-department')).toBeVisible();
  await page.getByTestId('open-chat-info').click();
  await page.getByTestId('chat-info-members').click();
  await expect(page.getByTestId('department-managed-note')).toBeVisible();
  await expect(page.getByTestId('add-members-picker')).toHaveCount(0);

  // The group's picture: uploaded in the info drawer, shown in the header and the list.
  await page.getByRole('tab', { name: /Info/ }).click();
  await page.getByTestId('group-avatar-file').setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('group-avatar-remove')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('chat-info-avatar-1280.png') });
  await page.keyboard.press('Escape');
  await expect(page.locator('.msg-conv-head img[src*="/api/files/"]')).toBeVisible();
  await expect(page.getByTestId(`chat-row-${deptChat}`).locator('img[src*="/api/files/"]')).toBeVisible();

  // Images wait in the composer with a thumbnail; one can be removed; a pasted one joins them.
  await page.getByTestId('composer-file').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(1);
  await page.getByTestId('composer-staged-remove').click();
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(0);
  await page.getByTestId('composer-input').focus();
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
    document
      .querySelector('[data-testid="composer-input"]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG.toString('base64'));
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(1);
  await page.getByTestId('composer-input').fill('Our new board');
  await page.screenshot({ path: testInfo.outputPath('composer-staged-1280.png') });
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('message-image')).toHaveCount(1);
  await expect(message(page, 'Our new board')).toBeVisible();
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(0);

  // On a phone: the header with its gear, the department group and the staged image tray fit 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  const noOverflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= 390);
  await page.goto('/messages');
  await expect(page.getByTestId('messenger-settings')).toBeVisible();
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('chat-list-admin-390.png') });
  await page.getByTestId(`chat-row-${deptChat}`).click();
  await page.getByTestId('composer-file').setInputFiles({ name: 'b.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('composer-staged-image')).toHaveCount(1);
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('department-chat-390.png') });
  await page.getByTestId('composer-staged-remove').click();
  await page.getByTestId('open-chat-info').click();
  await expect(page.getByTestId('group-avatar')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: testInfo.outputPath('chat-info-390.png') });
  await page.goto('/messages');
  await page.getByTestId('messenger-settings').click();
  await expect(page.getByTestId('messenger-settings-panel')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: testInfo.outputPath('messenger-settings-390.png') });

  await ctx.close();
  expect(errors).toEqual([]);
});
