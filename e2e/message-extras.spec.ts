import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { collectErrors, ok } from './support.js';

/*
 * Message extras (issue 7 item 15) as a reader meets them: system lines when people are added,
 * "Forwarded from <chat>" only for a source the reader may see, clickable links (and
 * `javascript:` left as text), and "Read" under my last message in a direct chat. People,
 * chats and messages are made through the API; what is checked is what the browser shows.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'message extras journey 2026';
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const profile = { locale: 'en-US', timezone: 'Asia/Shanghai' };
const who = (name: string) => ({ name, email: `extras.${name.split(' ')[0].toLowerCase()}.${RUN}@example.com` });
const ALICE = who('Alice Chen');
const BOB = who('Bob Tanaka');
const CAROL = who('Carol Wu');

let ids: Record<'alice' | 'bob' | 'carol', string>;

async function join(browser: Browser, baseURL: string, admin: APIRequestContext, p: typeof ALICE): Promise<string> {
  const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
  const ctx = await browser.newContext();
  const me = await ok<{ user: { id: string } }>(
    await ctx.request.post(`${baseURL}/api/invites/accept`, {
      data: { token, displayName: p.name, email: p.email, password: PASSWORD, ...profile },
    }),
  );
  await ctx.close();
  return me.user.id;
}

test.beforeAll(async ({ browser, baseURL }) => {
  const ctx = await browser.newContext();
  const status = await (await ctx.request.get(`${baseURL}/api/setup`)).json();
  let admin: APIRequestContext = ctx.request;
  let alice: string;
  if (status.needsSetup) {
    const me = await ok<{ user: { id: string } }>(
      await ctx.request.post(`${baseURL}/api/setup`, {
        data: {
          organizationName: 'Skein Extras Co',
          displayName: ALICE.name,
          email: ALICE.email,
          password: PASSWORD,
          ...profile,
        },
      }),
    );
    alice = me.user.id;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    alice = await join(browser, baseURL!, admin, ALICE);
  }
  ids = { alice, bob: await join(browser, baseURL!, admin, BOB), carol: await join(browser, baseURL!, admin, CAROL) };
});

async function signIn(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ok(await context.request.post(`${baseURL}/api/auth/login`, { data: { email, password: PASSWORD } }));
  return { page: await context.newPage(), api: context.request };
}

const group = async (owner: APIRequestContext, name: string, memberIds: string[]) =>
  (await ok<{ id: string }>(await owner.post('/api/chats', { data: { kind: 'group', name, memberIds } }))).id;
let sent = 0;
const say = async (from: APIRequestContext, chatId: string, kind: string, content: unknown) =>
  ok<{ id: string }>(await from.post(`/api/chats/${chatId}/messages`, { data: { clientId: `${RUN}-${++sent}`, kind, content } }));
const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text }).last();

test('system lines, forward sources, links and direct-chat read state', async ({ browser, baseURL }) => {
  const alice = await signIn(browser, baseURL!, ALICE.email);
  const bob = await signIn(browser, baseURL!, BOB.email);
  const errors = [...collectErrors(alice.page), ...collectErrors(bob.page)];

  const team = await group(alice.api, 'Extras team', [ids.bob]);
  const design = await group(alice.api, 'Design crit', [ids.bob]);
  const secret = await group(alice.api, 'Acquisition of Initech', [ids.carol]);
  await bob.page.goto(`/messages/${team}`);
  await expect(bob.page.getByTestId('conversation')).toBeVisible();

  // (a) Alice adds Carol: Bob reads a centred grey line in his language, live.
  await ok(await alice.api.post(`/api/chats/${team}/members`, { data: { userIds: [ids.carol] } }));
  const line = bob.page.getByTestId('message-system').last();
  await expect(line).toHaveText('Alice Chen added Carol Wu');
  await expect(line).toHaveCSS('text-align', 'center');

  // (b) Forwards: the source's name where Bob may see it, only "Forwarded" where he may not.
  for (const [from, text] of [
    [design, 'mockups are final'],
    [secret, 'the price is 4M'],
  ]) {
    const src = await say(alice.api, from, 'text', { text });
    await ok(
      await alice.api.post(`/api/messages/${src.id}/forward`, { data: { chatIds: [team], clientId: `${RUN}-fw-${from}` } }),
    );
  }
  await expect(bubble(bob.page, 'mockups are final').getByTestId('message-forwarded')).toHaveText('Forwarded from Design crit');
  await expect(bubble(bob.page, 'the price is 4M').getByTestId('message-forwarded')).toHaveText('Forwarded');
  await bob.page.reload();
  await expect(bubble(bob.page, 'mockups are final').getByTestId('message-forwarded')).toHaveText('Forwarded from Design crit');
  await expect(bubble(bob.page, 'the price is 4M').getByTestId('message-forwarded')).toHaveText('Forwarded');
  await expect(bob.page.getByTestId('conversation')).not.toContainText('Initech');

  // (c) Links: bare www. and http(s) become safe new-tab links; javascript: stays text.
  await say(alice.api, team, 'text', { text: 'docs at www.skein.dev or https://skein.dev/guide, not javascript:alert(1)' });
  const links = bubble(bob.page, 'docs at').locator('a');
  await expect(links).toHaveCount(2);
  await expect(links.first()).toHaveAttribute('href', 'https://www.skein.dev');
  await expect(links.first()).toHaveAttribute('target', '_blank');
  await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(links.last()).toHaveAttribute('href', 'https://skein.dev/guide');

  // (d) A direct chat: "Read" appears under Alice's last message once Bob has read it, live.
  const dm = (await ok<{ id: string }>(await alice.api.post('/api/chats/direct', { data: { userId: ids.bob } }))).id;
  await say(alice.api, dm, 'text', { text: 'first note' });
  await say(alice.api, dm, 'text', { text: 'second note' });
  await alice.page.goto(`/messages/${dm}`);
  await expect(bubble(alice.page, 'second note')).toBeVisible();
  await expect(alice.page.getByTestId('message-receipt')).toHaveCount(0);
  await bob.page.goto(`/messages/${dm}`);
  await expect(bubble(bob.page, 'second note')).toBeVisible();
  await expect(bubble(alice.page, 'second note').getByTestId('message-receipt')).toHaveText('Read');
  await expect(alice.page.getByTestId('message-receipt')).toHaveCount(1);

  expect(errors).toEqual([]);
});
