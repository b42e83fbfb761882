import type { OrgDb } from './tables.js';

/**
 * Takes the organization's structure lock for the rest of the caller's transaction. Everything
 * that checks the org's shape before changing it — no cycle in the department tree, an empty
 * department before deleting it, a free sibling name, an existing parent, one active admin left,
 * an unused email — takes it first, so the check and the write see the same organization.
 *
 * PostgreSQL: a no-op UPDATE of the organization row holds that row's lock until commit, and
 * every later statement (READ COMMITTED) sees what the previous holder committed. SQLite: the
 * single writer connection already runs transactions one at a time; the statement costs nothing.
 * Call it before reading anything the decision depends on, and before touching other org rows,
 * so two writers never hold locks in opposite orders. Before setup (no organization row) it
 * locks nothing, and nothing needs it.
 */
export async function lockOrgStructure(tx: OrgDb): Promise<void> {
  await tx
    .updateTable('org_organization')
    .set((eb) => ({ name: eb.ref('name') }))
    .execute();
}
