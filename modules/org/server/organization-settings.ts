import type { AnyDb } from '../../../platform/server/db/database.js';
import { AppError } from '../../../platform/shared/errors.js';
import type { Locale } from '../../../platform/shared/i18n.js';
import type { OrganizationView } from '../shared/contract.js';
import { orgErrors } from '../shared/errors.js';
import { getOrganization } from './organization.js';
import type { OrgDb } from './tables.js';

export async function getOrganizationView(db: AnyDb): Promise<OrganizationView> {
  const org = await getOrganization(db);
  if (!org) throw new AppError(orgErrors['org.not_set_up']);
  return { name: org.name, defaultLocale: org.default_locale as Locale, createdAt: new Date(org.created_at).toISOString() };
}

/** Renames the organization or changes its default language (the route requires an admin). */
export async function updateOrganization(
  anyDb: AnyDb,
  change: { name?: string; defaultLocale?: Locale },
): Promise<OrganizationView> {
  const db: OrgDb = anyDb;
  await getOrganizationView(db);
  if (change.name !== undefined || change.defaultLocale !== undefined) {
    await db
      .updateTable('org_organization')
      .set({
        ...(change.name !== undefined && { name: change.name.trim() }),
        ...(change.defaultLocale !== undefined && { default_locale: change.defaultLocale }),
      })
      .execute();
  }
  return getOrganizationView(db);
}
