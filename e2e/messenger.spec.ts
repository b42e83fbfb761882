import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';

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

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
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
