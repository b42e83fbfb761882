import { AppError } from '../../../platform/shared/errors.js';
import { accountsErrors } from '../shared/errors.js';
import type { AccountsDb } from './tables.js';

/** Five wrong passwords within 15 minutes lock the account's sign-in for 15 minutes. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/** Refuses a sign-in attempt while the subject (lower-cased email) is locked. */
export async function assertNotLocked(db: AccountsDb, subject: string): Promise<void> {
  const row = await db.selectFrom('acc_login_attempts').selectAll().where('subject', '=', subject).executeTakeFirst();
  const now = Date.now();
  if (row?.locked_until && row.locked_until > now) {
    throw new AppError(accountsErrors['auth.too_many_attempts'], {
      params: { minutes: Math.ceil((row.locked_until - now) / 60_000) },
    });
  }
}

export async function recordFailure(db: AccountsDb, subject: string): Promise<void> {
  const now = Date.now();
  const row = await db.selectFrom('acc_login_attempts').selectAll().where('subject', '=', subject).executeTakeFirst();
  const fresh = !row || now - row.window_started_at > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const values = {
    failures,
    window_started_at: fresh ? now : row.window_started_at,
    locked_until: failures >= MAX_FAILURES ? now + LOCK_MS : null,
  };
  await db
    .insertInto('acc_login_attempts')
    .values({ subject, ...values })
    .onConflict((oc) => oc.column('subject').doUpdateSet(values))
    .execute();
}

export async function clearFailures(db: AccountsDb, subject: string): Promise<void> {
  await db.deleteFrom('acc_login_attempts').where('subject', '=', subject).execute();
}
