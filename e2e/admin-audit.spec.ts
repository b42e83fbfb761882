import fs from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';

/*
 * An administrator reads the audit log in the admin console: filters it by action, exports
 * the filtered rows as CSV, and uses it on a phone. Runs after foundation.spec.ts (its admin
 * signs in) or alone on a fresh server (it sets the organization up itself).
 */
const ADMIN = { name: '张伟', email: 'zhang.wei@example.com', password: 'correct horse battery' };

async function signIn(request: APIRequestContext) {
  const status = await (await request.get('/api/setup')).json();
  const res = status.needsSetup
    ? await request.post('/api/setup', {
        data: {
          organizationName: 'Audit Co',
          displayName: ADMIN.name,
          email: ADMIN.email,
          password: ADMIN.password,
          locale: 'en-US',
          timezone: 'Asia/Shanghai',
        },
      })
    : await request.post('/api/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(res.ok(), await res.text()).toBe(true);
}

test('an admin filters the audit log by action and exports what they see as CSV', async ({ page }, testInfo) => {
  await signIn(page.request);
  // Two recorded actions of one kind, and a department for another.
  for (let i = 0; i < 2; i++) expect((await page.request.post('/api/invites', { data: {} })).ok()).toBe(true);
  expect((await page.request.post('/api/departments', { data: { name: `Audit ${Date.now()}` } })).ok()).toBe(true);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/admin/audit');
  const log = page.getByTestId('audit-log');
  await expect(log.getByText('Invite created').first()).toBeVisible();
  await expect(log.getByText('Department created').first()).toBeVisible();

  await page.getByTestId('audit-action').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Invite created' }).click();
  await expect(log.getByText('Department created')).toHaveCount(0);
  const rows = log.locator('.ant-table-tbody tr.ant-table-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: testInfo.outputPath('audit-1440.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^skein-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('time_utc,actor_id,actor_name,action,target_type,target_id,details,ip');
  expect(csv.length - 1).toBe(await rows.count());
  for (const line of csv.slice(1)) expect(line).toContain(',invite.created,');

  // On a phone the filters wrap and the table scrolls inside the page, not the page itself.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('audit-export')).toBeInViewport();
  // The filter is in the address: it survives the switch to the phone layout and a reload.
  await expect(page).toHaveURL(/[?&]action=invite\.created/);
  await page.reload();
  await expect(log.getByText('Invite created').first()).toBeVisible();
  await expect(log.getByText('Department created')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('audit-390.png'), fullPage: true });
});
