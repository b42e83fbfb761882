import { type Browser, expect, type Page, test } from '@playwright/test';
import { ok } from './support.js';

/*
 * Words and layout a reader notices (issue 7, item 11): Chinese buttons without antd's letter
 * gap, form messages in real sentences, the inbox filter's words, and long names that stay on
 * one line with the whole name on hover. Sets its organization up through the API when the
 * server is fresh, or signs in as foundation.spec.ts's administrator when it ran first. Each test
 * stands alone, so one failure does not hide the others.
 */
const RUN = Date.now().toString(36);
const ADMIN = { email: `words.${RUN}@example.com`, password: 'words journey 2026' };
const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };
const ORG_NAME = 'OKAI Manufacturing 欧凯制造股份有限公司';
/** Three levels of bilingual departments, as a real multinational names them. */
const TREE = [
  'Headquarters 总部',
  'Research & Development 研发中心',
  'Process Engineering and Industrialization 工艺工程与产业化',
];

/** A browser signed in as an administrator whose interface language is `locale`. */
async function adminPage(browser: Browser, baseURL: string, locale: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 }, locale });
  const status = await (await context.request.get(`${baseURL}/api/setup`)).json();
  if (status.needsSetup) {
    await ok(
      await context.request.post(`${baseURL}/api/setup`, {
        data: { organizationName: ORG_NAME, displayName: '王芳', ...ADMIN, locale, timezone: 'Asia/Shanghai' },
      }),
    );
  } else {
    const signIn = await context.request.post(`${baseURL}/api/auth/login`, { data: ADMIN });
    if (!signIn.ok()) await ok(await context.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
    await ok(await context.request.patch(`${baseURL}/api/me/profile`, { data: { locale }, headers: { Origin: baseURL } }));
  }
  return context.newPage();
}

/** The sign-in page in a Chinese browser, once an organization exists. */
async function chineseSignIn(browser: Browser, baseURL: string): Promise<Page> {
  await (await adminPage(browser, baseURL, 'zh-CN', 1280)).context().close();
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto('/login');
  return page;
}

test("Chinese sign-in button reads 登录, without antd's gap between the characters", async ({ browser, baseURL }) => {
  const page = await chineseSignIn(browser, baseURL!);
  await expect(page.getByTestId('login-submit')).toHaveText('登录');
  await page.context().close();
});

test('a wrong email is told in a Chinese sentence, not "邮箱不是一个有效的email"', async ({ browser, baseURL }) => {
  const page = await chineseSignIn(browser, baseURL!);
  await page.getByTestId('login-email').fill('wang.fang');
  await page.getByTestId('login-password').fill('x');
  await page.getByTestId('login-submit').click();
  await expect(page.locator('.ant-form-item-explain-error').first()).toHaveText('请输入有效的邮箱地址，例如 name@example.com');
  await page.context().close();
});

for (const [locale, all] of [
  ['zh-CN', '全部'],
  ['ja-JP', 'すべて'],
] as const) {
  test(`inbox filter (${locale}) reads "${all}" first, then unread only`, async ({ browser, baseURL }) => {
    const page = await adminPage(browser, baseURL!, locale, 1280);
    await page.goto('/messages/inbox');
    await expect(page.getByTestId('inbox-view')).toBeVisible();
    await expect(page.locator('.ant-segmented-item').first()).toHaveText(all);
    await page.context().close();
  });
}

for (const width of [390, 1280]) {
  test(`"mark all read" (Japanese, the longest label) shows whole, clear of the screen edge at ${width} px`, async ({
    browser,
    baseURL,
  }) => {
    const page = await adminPage(browser, baseURL!, 'ja-JP', width);
    await page.goto('/messages/inbox');
    const button = page.getByTestId('inbox-read-all');
    await expect(button).toBeVisible();
    const box = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { right: r.right, fits: el.scrollWidth <= el.clientWidth, viewport: window.innerWidth };
    });
    expect(box.fits).toBe(true);
    expect(box.viewport - box.right).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });
}

test('department tree: long bilingual names stay on one line, the whole name on hover', async ({ browser, baseURL }) => {
  const page = await adminPage(browser, baseURL!, 'en-US', 1280);
  let parentId: string | null = null;
  for (const name of TREE) {
    const dept: { id: string } = await ok(
      await page.request.post(`${baseURL}/api/departments`, {
        data: { name: `${name} ${RUN}`, parentId },
        headers: { Origin: baseURL! },
      }),
    );
    parentId = dept.id;
  }
  await page.goto('/directory');
  const deepest = page.getByTestId(`department-${parentId}`);
  await expect(deepest).toBeVisible();
  for (const title of await page.locator('[data-testid^="department-"]').all()) {
    const height = await title.evaluate((el) => el.getBoundingClientRect().height);
    expect(height, (await title.textContent()) ?? '').toBeLessThanOrEqual(24);
  }
  await deepest.hover();
  await expect(page.locator('.ant-tooltip').filter({ hasText: `${TREE[2]} ${RUN}` })).toBeVisible();
  await page.context().close();
});

for (const width of [1280, 390]) {
  test(`the organization's name has its whole text on hover (${width} px)`, async ({ browser, baseURL }) => {
    const page = await adminPage(browser, baseURL!, 'zh-CN', width);
    await page.goto('/directory');
    const name = page.getByTestId('org-name');
    await expect(name).toBeVisible();
    const full = ((await name.textContent()) ?? '').trim();
    await name.hover();
    await expect(page.locator('.ant-tooltip').filter({ hasText: full })).toBeVisible();
    await page.context().close();
  });
}
