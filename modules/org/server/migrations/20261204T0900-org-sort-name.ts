import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';
import { buildSortName } from '../search-text.js';

/**
 * org_members.sort_name: the name in Latin letters (pinyin for Chinese, the kana reading's romaji
 * for Japanese) that the directory and reporting lines sort by, instead of display_name's code
 * points (叶 before 吴 before 周). Existing members are filled in here, 500 at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('org_members')
    .addColumn('sort_name', col.text, (c) => c.notNull().defaultTo(''))
    .execute();
  const members = db as unknown as Kysely<{
    org_members: { id: string; display_name: string; names: string; sort_name: string };
  }>;
  let after = '';
  for (;;) {
    const rows = await members
      .selectFrom('org_members')
      .select(['id', 'display_name', 'names'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const sortName = buildSortName({ displayName: r.display_name, names: JSON.parse(r.names) });
      await members.updateTable('org_members').set({ sort_name: sortName }).where('id', '=', r.id).execute();
    }
    after = rows.at(-1)!.id;
  }
  await db.schema.createIndex('org_members_sort').on('org_members').columns(['status', 'sort_name', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('org_sort_name cannot be undone');
}
