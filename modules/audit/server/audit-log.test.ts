import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { createInvite } from '../../accounts/shared/contract.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { createDepartment } from '../../org/shared/contract.js';
import { listAudit, listAuditActions } from '../shared/contract.js';
import { csvCell } from './export-audit.js';

let t: TestApp;
let admin: TestClient;
let second: TestClient;
let secondId: string;
let member: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  ({ admin } = await setupOrg(t));
  const other = await invitePerson(t, admin, { email: 'ops@acme.test', displayName: '=HYPERLINK("x")', role: 'admin' });
  second = other.client;
  secondId = other.me.user.id;
  member = (await invitePerson(t, admin, { email: 'm@acme.test', displayName: 'Mo' })).client;
  await second.api(createDepartment, { body: { name: 'Quality' } });
  await second.api(createInvite, { body: {} });
});
afterAll(async () => {
  await t.close();
});

/** The CSV rows (BOM and header dropped), split naively: the cells checked here hold no commas. */
async function exportRows(client: TestClient, query: string): Promise<string[]> {
  const res = await client.fetch(`/api/admin/audit/export?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="skein-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  // The byte-order mark makes Excel read the file as UTF-8 (Chinese and Japanese names).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('time_utc,actor_id,actor_name,action,')).toBe(true);
  return text.trim().split('\r\n').slice(1);
}

describe('the audit log in the admin console', () => {
  test('filters by actor and names the actor', async () => {
    const mine = await admin.api(listAudit, { query: { actorId: secondId } });
    expect(mine.items.map((e) => e.action).sort()).toEqual(['department.created', 'invite.created']);
    expect(mine.items.every((e) => e.actorName === '=HYPERLINK("x")')).toBe(true);
  });

  test('filters by action and by a date range', async () => {
    const created = await admin.api(listAudit, { query: { action: 'department.created' } });
    expect(created.items).toHaveLength(1);
    const now = Date.now();
    const around = await admin.api(listAudit, {
      query: { since: new Date(now - 60_000).toISOString(), until: new Date(now + 60_000).toISOString() },
    });
    expect(around.items.length).toBeGreaterThanOrEqual(4);
    const before = await admin.api(listAudit, { query: { until: new Date(now - 3_600_000).toISOString() } });
    expect(before.items).toEqual([]);
    const later = await admin.api(listAudit, { query: { since: new Date(now + 3_600_000).toISOString() } });
    expect(later.items).toEqual([]);
  });

  test('offers the recorded actions as choices', async () => {
    const { actions } = await admin.api(listAuditActions);
    expect(actions).toEqual(expect.arrayContaining(['department.created', 'invite.created', 'organization.set_up']));
    expect([...actions].sort()).toEqual(actions);
  });

  test('exports the filtered rows as CSV, with formulas defused', async () => {
    const rows = await exportRows(admin, `actorId=${secondId}`);
    expect(rows).toHaveLength(2);
    // The display name starts with "=": a spreadsheet must see text, not a formula.
    for (const row of rows) expect(row).toContain(`,${secondId},"'=HYPERLINK(""x"")",`);
    expect(await exportRows(admin, `since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toEqual([]);
  });

  test('members may neither list, list actions nor export; a bad date is a 400', async () => {
    await expectCode(member.api(listAudit), 'auth.forbidden');
    await expectCode(member.api(listAuditActions), 'auth.forbidden');
    expect((await member.fetch('/api/admin/audit/export')).status).toBe(403);
    expect((await admin.fetch('/api/admin/audit/export?since=yesterday')).status).toBe(400);
  });
});

test('csvCell quotes separators and defuses formula starts', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell(null)).toBe('');
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
});
