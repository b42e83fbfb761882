import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { login } from '../../accounts/shared/contract.js';
import { orgModule } from '../module.js';
import { listDepartments, searchMembers, updateMember } from '../shared/contract.js';
import { DEMO_PASSWORD, PEOPLE } from './demo/demo-org.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo organization', () => {
  test('loads once, and its people can sign in and find each other', async () => {
    await orgModule.seedDemo?.(t.app.ctx);
    await orgModule.seedDemo?.(t.app.ctx);

    const admin = t.client();
    const me = await admin.api(login, { body: { email: 'admin@demo.skein', password: DEMO_PASSWORD } });
    expect(me.user.roles).toContain('admin');
    const everybody = await admin.api(searchMembers, { query: { status: 'all', limit: 100 } });
    expect(everybody.items).toHaveLength(PEOPLE.length);
    expect(new Set(everybody.items.map((m) => m.site))).toEqual(new Set(['Hangzhou', 'Jinyun', 'Guangzhou', 'Germany', 'USA']));
    expect((await admin.api(searchMembers, { query: { q: 'zhangwei' } })).items[0].displayName).toBe('张伟');
    expect((await admin.api(listDepartments)).items.length).toBeGreaterThanOrEqual(10);

    // The HRBP covers Manufacturing (both plants) and nothing else.
    const hrbp = t.client();
    await hrbp.api(login, { body: { email: 'hrbp@demo.skein', password: DEMO_PASSWORD } });
    const plantWorker = everybody.items.find((m) => m.email === 'liang.yong@demo.skein');
    const seller = everybody.items.find((m) => m.email === 'shen.jia@demo.skein');
    expect(
      (await hrbp.api(updateMember, { params: { userId: plantWorker?.id as never }, body: { jobLevel: 'P4' } })).jobLevel,
    ).toBe('P4');
    await expectCode(
      hrbp.api(updateMember, { params: { userId: seller?.id as never }, body: { jobLevel: 'P6' } }),
      'auth.forbidden',
      403,
    );

    const member = t.client();
    await member.api(login, { body: { email: 'ken.sato@demo.skein', password: DEMO_PASSWORD } });
    expect((await member.api(searchMembers, { query: { q: 'やまもと' } })).items[0].displayName).toBe('山本大輔');
  });
});
