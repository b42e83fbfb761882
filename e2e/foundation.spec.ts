import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './support.js';

/*
 * The Foundation journey, in one organization created from scratch: setup → invite link →
 * a new member joins, switches to Japanese, finds the admin by pinyin and opens their card.
 * Then the directory at phone width.
 */
test.describe.configure({ mode: 'serial' });

const ADMIN = { name: '张伟', pinyin: 'zhangwei', email: 'zhang.wei@example.com', password: 'correct horse battery' };
const MEMBER = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical engine 1843' };
const ORG = 'Skein Test Co';

/** Picks an option of an antd Select by its visible label. */
async function pickOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}

test('first visit: setup, invite, join, Japanese, directory search and contact card', async ({ page, browser }, testInfo) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByTestId('field-organization').fill(ORG);
  await page.getByTestId('field-display-name').fill(ADMIN.name);
  await page.getByTestId('field-email').fill(ADMIN.email);
  await page.getByTestId('field-password').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();

  await expect(page.getByTestId('directory-page')).toBeVisible();
  await expect(page.getByTestId('org-name')).toHaveText(ORG);

  // The admin console creates an invite link, shown once with a copy button.
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-invites').click();
  await page.getByTestId('invite-new').click();
  await page.getByTestId('invite-create').click();
  const inviteUrl = await page.getByTestId('invite-url').inputValue();
  expect(inviteUrl).toMatch(/\/invite\/[\w-]+$/);
  await expect(page.getByTestId('invite-copy')).toBeVisible();
  await page.getByTestId('invite-done').click();
  await expect(page.getByTestId('invites-list')).toContainText('Pending');
  await page.screenshot({ path: testInfo.outputPath('admin-invites-1280.png') });

  // A second person, in their own browser, opens the link and joins.
  const newcomer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const p2 = await newcomer.newPage();
  const errors2 = collectErrors(p2);
  await p2.goto(inviteUrl);
  await expect(p2.getByTestId('invite-organization')).toContainText(ORG);
  await p2.getByTestId('field-display-name').fill(MEMBER.name);
  await p2.getByTestId('field-email').fill(MEMBER.email);
  await p2.getByTestId('field-password').fill(MEMBER.password);
  await p2.getByTestId('invite-submit').click();
  await expect(p2.getByTestId('directory-page')).toBeVisible();
  // A plain member sees no admin console.
  await expect(p2.getByTestId('nav-admin')).toHaveCount(0);

  // Settings → Japanese: the whole UI switches and stays switched (it is the profile's language).
  await p2.getByTestId('nav-settings').click();
  await pickOption(p2, 'profile-locale', '日本語');
  await p2.getByTestId('profile-save').click();
  await expect(p2.getByRole('heading', { name: '設定' })).toBeVisible();
  await expect(p2.getByTestId('nav-directory')).toHaveText('連絡先');
  await p2.reload();
  await expect(p2.getByRole('heading', { name: '設定' })).toBeVisible();

  // The directory finds the admin by the pinyin of their Chinese name, as you type.
  await p2.getByTestId('nav-directory').click();
  await p2.getByTestId('directory-search').fill(ADMIN.pinyin);
  const results = p2.getByTestId('directory-results');
  await expect(results.getByTestId('member-row-name')).toHaveText([ADMIN.name]);
  await results.getByTestId('member-row-name').first().click();

  const card = p2.getByTestId('contact-card');
  await expect(card).toBeVisible();
  await expect(p2.getByTestId('contact-card-name')).toHaveText(ADMIN.name);
  await expect(card).toContainText(ADMIN.email);
  await expect(card).toContainText('メール');
  await p2.screenshot({ path: testInfo.outputPath('contact-card-ja-1280.png') });
  await newcomer.close();
  expect([...errors, ...errors2]).toEqual([]);
});

test('the directory fits a 390 px phone screen', async ({ browser }, testInfo) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const noOverflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= 390);
  await page.goto('/directory');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('login-page')).toBeVisible();
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('login-390.png') });
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('directory-page')).toBeVisible();
  await expect(page.getByTestId('directory-results').getByTestId('member-row-name')).toHaveCount(2);
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('directory-390.png'), fullPage: true });

  // Tapping a person opens their card from the bottom; still no sideways scrolling.
  await page.getByTestId('directory-results').getByTestId('member-row-name').filter({ hasText: MEMBER.name }).click();
  await expect(page.getByTestId('contact-card-name')).toHaveText(MEMBER.name);
  expect(await noOverflow()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('contact-card-390.png') });
  await page.keyboard.press('Escape');

  // The other screens fit too: tables turn into lists, tabs scroll within themselves.
  for (const [path, ready] of [
    ['/admin/members', 'admin-page'],
    ['/admin/departments', 'department-new'],
    ['/admin/invites', 'invites-list'],
    ['/admin/organization', 'organization-save'],
    ['/settings/profile', 'profile-save'],
    ['/settings/security', 'password-submit'],
    ['/settings/sessions', 'sessions-list'],
    ['/settings/tokens', 'token-new'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId(ready)).toBeVisible();
    expect(await noOverflow(), path).toBe(true);
  }
  await page.goto('/admin/members');
  await expect(page.getByTestId('admin-page')).toContainText(MEMBER.email);
  await page.screenshot({ path: testInfo.outputPath('admin-members-390.png'), fullPage: true });
  await phone.close();
});

test('an admin builds the department tree and places a member in it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/login');
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('directory-page')).toBeVisible();

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-departments').click();
  const save = page.locator('.ant-modal').getByRole('button', { name: 'Save' });
  for (const name of ['Engineering', 'Sales']) {
    await page.getByTestId('department-new').click();
    await page.getByTestId('department-name').fill(name);
    await save.click();
    await expect(page.locator('[data-testid^="admin-department-dep_"]', { hasText: name })).toBeVisible();
  }
  const engineering = page.locator('[data-testid^="admin-department-dep_"]', { hasText: 'Engineering' });
  await engineering.locator('[data-testid^="admin-department-menu-"]').click();
  await page.locator('.ant-dropdown-menu-item', { hasText: 'Add sub-department' }).click();
  await page.getByTestId('department-name').fill('Platform');
  await save.click();
  // A new sub-department shows up under its (open) parent.
  await expect(page.locator('[data-testid^="admin-department-dep_"]', { hasText: 'Platform' })).toBeVisible();

  // Place Ada in Platform with a title.
  await page.getByTestId('admin-tab-members').click();
  const adaRow = page.locator('[data-testid^="admin-member-"]', { hasText: MEMBER.email });
  await adaRow.locator('[data-testid^="member-edit-"]').click();
  await page.getByTestId('edit-title').fill('Staff Engineer');
  await page.getByTestId('edit-departments').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: 'Platform' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('edit-save').click();
  await expect(adaRow).toContainText('Staff Engineer');
  await expect(adaRow).toContainText('Platform');

  // The directory's tree narrows the list to a subtree: Engineering holds Ada (through Platform), Sales nobody.
  await page.getByTestId('nav-directory').click();
  const names = page.getByTestId('directory-results').getByTestId('member-row-name');
  await page.locator('[data-testid^="department-dep_"]', { hasText: 'Engineering' }).click();
  await expect(names).toHaveText([MEMBER.name]);
  await page.locator('[data-testid^="department-dep_"]', { hasText: 'Sales' }).click();
  await expect(names).toHaveCount(0);
  await page.getByTestId(`department-__all__`).click();
  await expect(names).toHaveCount(2);

  // Ada's card names her department path.
  await names.filter({ hasText: MEMBER.name }).click();
  await expect(page.getByTestId('contact-card')).toContainText('Engineering / Platform');
});

test('the token dialog offers the Admin scope to administrators only', async ({ page, browser }) => {
  // Ada is a member (her interface is in Japanese since the first journey): read and write only.
  const ada = await browser.newPage();
  await ada.goto('/login');
  await ada.getByTestId('login-email').fill(MEMBER.email);
  await ada.getByTestId('login-password').fill(MEMBER.password);
  await ada.getByTestId('login-submit').click();
  await expect(ada.getByTestId('directory-page')).toBeVisible();
  await ada.goto('/settings/tokens');
  await ada.getByTestId('token-new').click();
  const adaScopes = ada.locator('.ant-modal .ant-checkbox-wrapper');
  await expect(adaScopes).toHaveText(['読み取り', '書き込み']);
  await ada.close();

  // The administrator also gets Admin, with the warning that a token without it has member rights.
  await page.goto('/login');
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('directory-page')).toBeVisible();
  await page.goto('/settings/tokens');
  await page.getByTestId('token-new').click();
  await expect(page.locator('.ant-modal .ant-checkbox-wrapper')).toHaveText(['Read', 'Write', 'Admin']);
  await expect(page.locator('.ant-modal')).toContainText('member’s rights only');
});
