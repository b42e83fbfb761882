import { afterAll, expect, test } from 'vitest';
import { migrate } from '../../../../platform/server/db/migrator.js';
import { freshDatabase } from '../../../../platform/server/test/fresh-database.js';
import * as init from './20261121T0900-org-init.js';
import * as sortName from './20261204T0900-org-sort-name.js';

/* People who joined before sort_name existed get theirs from the migration, on the dialect under test. */

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

test('existing members are given their sort name', async () => {
  const { handle, dispose } = await freshDatabase();
  cleanups.push(dispose);
  const { db } = handle;
  await migrate(db, [{ '20261121T0900-org-init': init }]);
  const member = (id: string, display_name: string, names: object) => ({
    id,
    display_name,
    names: JSON.stringify(names),
    email: `${id}@acme.test`,
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    status: 'active',
    search_text: '',
    created_at: 1,
    updated_at: 1,
  });
  await db
    .insertInto('org_members')
    .values([
      member('usr_a', '叶晴', {}),
      member('usr_b', '佐藤健', { 'ja-JP': 'さとう けん' }),
      member('usr_c', 'Anna Schmidt', {}),
    ])
    .execute();

  await migrate(db, [{ '20261121T0900-org-init': init, '20261204T0900-org-sort-name': sortName }]);

  const rows = await db.selectFrom('org_members').select(['id', 'sort_name']).orderBy('sort_name').execute();
  expect(rows).toEqual([
    { id: 'usr_c', sort_name: 'anna schmidt' },
    { id: 'usr_b', sort_name: 'satou ken' },
    { id: 'usr_a', sort_name: 'ye qing' },
  ]);
});
