import type { AnyDb } from '../../../platform/server/db/database.js';
import { hashPassword } from './secrets.js';
import type { AccountsDb } from './tables.js';

/**
 * Sets (or replaces) a member's password without asking for the old one: for trusted
 * callers only (demo data, an admin reset flow). Existing sessions are left alone.
 */
export async function setPassword(anyDb: AnyDb, userId: string, password: string): Promise<void> {
  const db: AccountsDb = anyDb;
  const passwordHash = await hashPassword(password);
  await db
    .insertInto('acc_credentials')
    .values({ user_id: userId, password_hash: passwordHash, updated_at: Date.now() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, updated_at: Date.now() }))
    .execute();
}
