import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { setMemberActive } from '../../accounts/shared/contract.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import { getContactCard, searchMembers, updateMember, updateMyProfile } from '../shared/contract.js';
import { expectCode } from '../../../platform/server/test/expect-code.js';
import { department, person } from './test/factories.js';

let t: TestApp;
let admin: TestClient;
let member: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  ({ admin } = await setupOrg(t, { displayName: 'Org Admin' }));
  const eng = await department(admin, 'Engineering');
  const embedded = await department(admin, 'Embedded', eng);
  const people = [
    {
      key: 'zhangwei',
      displayName: '张伟',
      email: 'wei.zhang@acme.test',
      names: { 'en-US': 'Wei Zhang' },
      departmentIds: [embedded],
    },
    { key: 'zhangwen', displayName: '张文', email: 'zw2@acme.test' },
    { key: 'sato', displayName: '佐藤健', email: 'ken@acme.test', names: { 'ja-JP': 'さとう けん' } },
    { key: 'sakura', displayName: 'さくら', email: 'sakura@acme.test' },
    { key: 'li', displayName: 'Li', email: 'li@acme.test' },
    { key: 'emily', displayName: 'Emily Carter', email: 'emily@acme.test' },
    { key: 'alice', displayName: 'Alice Wong', email: 'awong@acme.test' },
    { key: 'lisa', displayName: 'Lisa Park', email: 'lpark@acme.test' },
    { key: 'zeng', displayName: '曾小贤', email: 'xiaoxian@acme.test' },
  ];
  for (const p of people) {
    const { id, client } = await person(t, admin, p);
    ids[p.key] = id;
    if (p.key === 'emily') member = client;
  }
});
afterAll(async () => {
  await t.close();
});

const find = async (q: string, client = member) =>
  (await client.api(searchMembers, { query: { q } })).items.map((m) => m.displayName);

describe('directory search', () => {
  test('finds a Chinese name by characters, full pinyin (with or without spaces) and initials', async () => {
    expect(await find('张伟')).toEqual(['张伟']);
    expect(await find('zhangwei')).toEqual(['张伟']);
    expect(await find('Zhang Wei')).toEqual(['张伟']);
    expect(await find('zw')).toEqual(expect.arrayContaining(['张伟', '张文']));
    expect(await find('zhang')).toEqual(expect.arrayContaining(['张伟', '张文']));
    // 曾 as a surname reads zeng, not ceng.
    expect(await find('zengxiaoxian')).toEqual(['曾小贤']);
  });

  test('finds by localized name and English order', async () => {
    expect(await find('wei zhang')).toEqual(['张伟']);
  });

  test('kana and romaji find the same Japanese person', async () => {
    expect(await find('さとう')).toEqual(['佐藤健']);
    expect(await find('サトウ')).toEqual(['佐藤健']);
    expect(await find('satou')).toEqual(['佐藤健']);
    expect(await find('sakura')).toEqual(['さくら']);
    expect(await find('サクラ')).toEqual(['さくら']);
  });

  test('finds by email and by part of a name, case-insensitively', async () => {
    expect(await find('WEI.ZHANG@')).toEqual(['张伟']);
    expect(await find('mil')).toEqual(['Emily Carter']);
    expect(await find('50%_')).toEqual([]);
  });

  test('exact and prefix matches rank before matches inside a word', async () => {
    // "li" is Li's whole name, the start of "Lisa" and inside "Alice"; ties go by name.
    expect(await find('li')).toEqual(['Li', 'Lisa Park', 'Alice Wong']);
  });

  test('pages with a cursor, without repeats or gaps', async () => {
    const all = (await member.api(searchMembers, { query: { limit: 100 } })).items.map((m) => m.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await member.api(searchMembers, { query: { limit: 3, cursor } });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expectCode(member.api(searchMembers, { query: { cursor: 'garbage' } }), 'request.validation_failed', 400);
  });

  test('lists people by pinyin and by kana reading, not by code point, in the directory and under a manager', async () => {
    const team = await department(admin, 'Sorting');
    const boss = await person(t, admin, { displayName: 'Boss Sorting', departmentIds: [team] });
    for (const [displayName, names] of [
      ['周杰', {}],
      ['叶晴', {}],
      ['佐藤美香', { 'ja-JP': 'さとう みか' }],
      ['吴刚', {}],
      ['Anna Schmidt', { 'zh-CN': '安娜·施密特' }],
    ] as const) {
      const { id } = await person(t, admin, { displayName, names, departmentIds: [team] });
      await admin.api(updateMember, { params: { userId: id as never }, body: { managerId: boss.id as never } });
    }
    const listed = await member.api(searchMembers, { query: { departmentId: team as never } });
    // Code points would put 叶 (U+53F6) after 吴 (U+5434) and 周 (U+5468), and 佐 before them all.
    const expected = ['Anna Schmidt', 'Boss Sorting', '佐藤美香', '吴刚', '叶晴', '周杰'];
    expect(listed.items.map((m) => m.displayName)).toEqual(expected);
    const card = await member.api(getContactCard, { params: { userId: boss.id as never } });
    expect(card.directReports.map((r) => r.displayName)).toEqual(expected.filter((n) => n !== 'Boss Sorting'));
  });

  test('deactivated people are hidden unless an admin asks for them', async () => {
    const { id } = await person(t, admin, { displayName: 'Gone Person' });
    await admin.api(setMemberActive, { params: { userId: id }, body: { status: 'deactivated' } });
    expect(await find('gone')).toEqual([]);
    const all = await admin.api(searchMembers, { query: { q: 'gone', status: 'all' } });
    expect(all.items.map((m) => [m.displayName, m.status])).toEqual([['Gone Person', 'deactivated']]);
    await expectCode(member.api(searchMembers, { query: { q: 'gone', status: 'all' } }), 'auth.forbidden', 403);
  });

  test('a profile change is searchable at once', async () => {
    const { client } = await person(t, admin, { displayName: 'Temp Name' });
    const me = await client.api(updateMyProfile, {
      body: { displayName: '欧阳娜娜', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    });
    expect(me).toMatchObject({ displayName: '欧阳娜娜', locale: 'zh-CN', timezone: 'Asia/Shanghai' });
    expect(await find('ouyangnana')).toEqual(['欧阳娜娜']);
    expect(await find('temp')).toEqual([]);
    await expectCode(client.api(updateMyProfile, { body: { timezone: 'Mars/Olympus' } }), 'request.validation_failed', 400);
    await expectCode(client.api(updateMyProfile, { body: { locale: 'fr-FR' as never } }), 'request.validation_failed', 400);
  });
});

describe('contact card', () => {
  test('shows departments with their path names, the manager and direct reports', async () => {
    await admin.api(updateMember, {
      params: { userId: ids.zhangwei as never },
      body: { managerId: ids.sato as never, title: 'Firmware Lead' },
    });
    const card = await member.api(getContactCard, { params: { userId: ids.zhangwei as never } });
    expect(card.member).toMatchObject({ displayName: '张伟', title: 'Firmware Lead', email: 'wei.zhang@acme.test' });
    expect(card.departments).toEqual([
      expect.objectContaining({ name: 'Embedded', pathNames: ['Engineering', 'Embedded'], isPrimary: true }),
    ]);
    expect(card.manager?.displayName).toBe('佐藤健');
    expect(card.permissions).toEqual({ editOwnProfile: false, editProfile: false, editRoles: false });
    const managerCard = await admin.api(getContactCard, { params: { userId: ids.sato as never } });
    expect(managerCard.directReports.map((r) => r.displayName)).toEqual(['张伟']);
    expect(managerCard.permissions).toMatchObject({ editProfile: true, editRoles: true });
    await expectCode(
      member.api(getContactCard, { params: { userId: 'usr_00000000000000000000000000' as never } }),
      'org.member_not_found',
      404,
    );
  });
});
