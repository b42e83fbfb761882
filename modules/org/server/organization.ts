import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Locale } from '../../../platform/shared/i18n.js';
import type { OrgDb } from './tables.js';

const ORG_ROW = 'org';

export async function getOrganization(anyDb: AnyDb) {
  const db: OrgDb = anyDb;
  return db.selectFrom('org_organization').selectAll().where('id', '=', ORG_ROW).executeTakeFirst();
}

/** Creates the single organization row; returns false when it already existed (setup raced). */
export async function createOrganization(anyDb: AnyDb, name: string, defaultLocale: Locale): Promise<boolean> {
  const db: OrgDb = anyDb;
  const result = await db
    .insertInto('org_organization')
    .values({ id: ORG_ROW, name: name.trim(), default_locale: defaultLocale, created_at: Date.now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
