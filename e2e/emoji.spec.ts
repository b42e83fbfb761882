import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { collectErrors, ok } from './support.js';

/*
 * The emoji picker: in the composer (search by name in the reader's language, insert at the
 * cursor, recently used) and for reactions ("more" opens the full set beyond the quick picks).
 * Runs on its own from a fresh server, or after the other journeys on the same one.
 */
test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const PASSWORD = 'emoji journey 2026';
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };

/** Eve (English, desktop) and Fei (Chinese, a 390 px phone), in one group. */
async function setUp(browser: Browser, baseURL: string) {
  const eveCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const feiCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const eve = {
    displayName: 'Eve Stone',
    email: `eve.${RUN}@example.com`,
    password: PASSWORD,
    locale: 'en-US',
    timezone: 'Asia/Shanghai',
  };
  const fei = {
    displayName: '王菲',
    email: `fei.${RUN}@example.com`,
    password: PASSWORD,
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
  };
  const status = await (await eveCtx.request.get(`${baseURL}/api/setup`)).json();
  let admin: APIRequestContext;
  if (status.needsSetup) {
    await ok(await eveCtx.request.post(`${baseURL}/api/setup`, { data: { organizationName: 'Emoji Co', ...eve } }));
    admin = eveCtx.request;
  } else {
    const adminCtx = await browser.newContext();
    await ok(await adminCtx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    admin = adminCtx.request;
    const { token } = await ok<{ token: string }>(await admin.post('/api/invites', { data: {} }));
    await ok(await eveCtx.request.post(`${baseURL}/api/invites/accept`, { data: { token, ...eve } }));
  }
  const { token } = await ok<{ token: string }>(await admin.post(`${baseURL}/api/invites`, { data: {} }));
  const feiMe = await ok<{ user: { id: string } }>(
    await feiCtx.request.post(`${baseURL}/api/invites/accept`, { data: { token, ...fei } }),
  );
  const group = await ok<{ id: string }>(
    await eveCtx.request.post(`${baseURL}/api/chats`, {
      data: { kind: 'group', name: `Emoji ${RUN}`, memberIds: [feiMe.user.id] },
    }),
  );
  return { eve: await eveCtx.newPage(), fei: await feiCtx.newPage(), group: group.id };
}

const message = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text }).last();

test('pick emoji by name into the text, and react with one beyond the quick picks', async ({ browser, baseURL }, testInfo) => {
  const { eve, fei, group } = await setUp(browser, baseURL!);
  const errors = [...collectErrors(eve), ...collectErrors(fei)];

  // Eve searches "smile" and the emoji lands where her caret is, not at the end.
  await eve.goto(`/messages/${group}`);
  const input = eve.getByTestId('composer-input');
  await input.fill('Hello world');
  await input.press('Home');
  for (let i = 0; i < 5; i++) await input.press('ArrowRight');
  await eve.getByTestId('composer-emoji').click();
  await eve.getByTestId('emoji-search').fill('smile');
  await expect(eve.getByTestId('emoji-pick-😄')).toBeVisible();
  await eve.screenshot({ path: testInfo.outputPath('picker-search-1280.png') });
  await eve.getByTestId('emoji-pick-😄').click();
  await expect(eve.getByTestId('emoji-picker')).toBeHidden();
  await expect(input).toHaveValue('Hello😄 world');
  await input.press('Enter');
  await expect(message(eve, 'Hello😄 world')).toBeVisible();

  // Next time, what she used is first, under "Recently used"; categories browse the rest.
  await eve.getByTestId('composer-emoji').click();
  await expect(eve.getByTestId('emoji-tab-recent')).toHaveAttribute('aria-selected', 'true');
  await expect(eve.getByTestId('emoji-picker').getByTestId('emoji-pick-😄')).toBeVisible();
  await eve.getByTestId('emoji-tab-animals').click();
  await expect(eve.getByTestId('emoji-pick-🦩')).toBeVisible();
  await eve.keyboard.press('Escape');

  // Fei, in Chinese on a phone, finds 😂 by "笑"; the picker fits her screen.
  await fei.goto(`/messages/${group}`);
  await expect(message(fei, 'Hello😄 world')).toBeVisible();
  await fei.getByTestId('composer-emoji').click();
  await expect(fei.getByTestId('emoji-search')).toHaveAttribute('placeholder', '搜索表情');
  await fei.getByTestId('emoji-search').fill('笑');
  await expect(fei.getByTestId('emoji-pick-😂')).toBeVisible();
  const box = (await fei.getByTestId('emoji-picker').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await fei.screenshot({ path: testInfo.outputPath('picker-zh-390.png') });
  await fei.getByTestId('emoji-pick-😂').click();
  await fei.getByTestId('composer-send').click();
  await expect(message(eve, '😂')).toBeVisible();

  // Eve reacts to Fei's message with a flamingo: "more" opens the full set.
  const feis = message(eve, '😂');
  await feis.hover();
  await feis.getByTestId('action-react').click();
  await expect(eve.getByTestId('emoji-👍')).toBeVisible();
  await eve.getByTestId('emoji-more').click();
  await eve.getByTestId('emoji-search').fill('flamingo');
  await eve.getByTestId('emoji-pick-🦩').click();
  await expect(feis.getByTestId('reaction-🦩')).toHaveAttribute('aria-pressed', 'true');
  await expect(message(fei, '😂').getByTestId('reaction-🦩')).toContainText('1');
  await eve.screenshot({ path: testInfo.outputPath('reaction-1280.png') });
  expect(errors).toEqual([]);
});
