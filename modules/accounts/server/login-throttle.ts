import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../../platform/shared/errors.js';
import { accountsErrors } from '../shared/errors.js';
import type { AccountsDb } from './tables.js';

/**
 * How many attempts a key allows before it locks, and for how long: each attempt past `free`
 * locks the key for the next delay (the last one repeats). A key forgets its count once no
 * attempt was counted for `forgetMs`.
 */
export interface ThrottlePolicy {
  free: number;
  delaysMs: readonly number[];
  forgetMs: number;
}

const MINUTE = 60_000;
const GROWING = [1, 2, 4, 8, 15].map((m) => m * MINUTE);

/** The three counters of ADR 0009. */
export const throttlePolicies = {
  /** One address against one account: tight, so guessing from one place is slow at once. */
  pair: { free: 5, delaysMs: GROWING, forgetMs: 60 * MINUTE },
  /** One account from every address it is not known at: stops guesses spread over many addresses. */
  account: { free: 50, delaysMs: GROWING, forgetMs: 60 * MINUTE },
  /** One address against every account: stops one place trying a password on many people. */
  address: { free: 100, delaysMs: GROWING, forgetMs: 60 * MINUTE },
} satisfies Record<string, ThrottlePolicy>;

type Scope = keyof typeof throttlePolicies;

/** Attempts reserved for one sign-in, to settle once the password has been checked. */
export interface SignInReservation {
  keys: { scope: Scope; key: string }[];
}

/**
 * Reserves this sign-in attempt on every counter that applies, before the password is checked,
 * and refuses it (without a check) when any of them is locked. The count is taken in the same
 * statement that tests the lock, so parallel attempts cannot all slip under the limit.
 * `knownAddress`: the account has signed in from this address before, so the per-account limit
 * (which an attacker can run up from anywhere) does not apply to it.
 */
export async function reserveSignIn(
  db: AccountsDb,
  subject: string,
  address: string,
  knownAddress: boolean,
  now = Date.now(),
): Promise<SignInReservation> {
  const wanted: { scope: Scope; key: string }[] = [
    { scope: 'pair', key: `pair:${subject}|${address}` },
    { scope: 'address', key: `address:${address}` },
  ];
  if (!knownAddress) wanted.push({ scope: 'account', key: `account:${subject}` });
  const reservation: SignInReservation = { keys: [] };
  for (const k of wanted) {
    const lockedUntil = await reserve(db, k.key, throttlePolicies[k.scope], now);
    if (lockedUntil !== null) {
      throw new AppError(accountsErrors['auth.too_many_attempts'], {
        params: { minutes: Math.max(1, Math.ceil((lockedUntil - now) / MINUTE)) },
      });
    }
    reservation.keys.push(k);
  }
  if (Math.random() < 0.01) await forgetStale(db, now);
  return reservation;
}

/**
 * After the right password: this address's streak against the account is over (its pair
 * counter goes), while the account's and the address's counters only give back this attempt,
 * so the real person signing in does not reopen the account to whoever is guessing elsewhere.
 */
export async function settleSuccessfulSignIn(db: AccountsDb, reservation: SignInReservation): Promise<void> {
  for (const { scope, key } of reservation.keys) {
    if (scope === 'pair') await db.deleteFrom('acc_login_throttle').where('key', '=', key).execute();
    else await release(db, key, throttlePolicies[scope]);
  }
}

/** Counts one attempt against `key` unless it is locked; returns null when counted, else when the lock ends. */
export async function reserve(db: AccountsDb, key: string, policy: ThrottlePolicy, now = Date.now()): Promise<number | null> {
  const stale = sql<boolean>`acc_login_throttle.last_failure_at <= ${now - policy.forgetMs}`;
  const next = sql<number>`(case when ${stale} then 1 else acc_login_throttle.failures + 1 end)`;
  const counted = await db
    .insertInto('acc_login_throttle')
    .values({ key, failures: 1, last_failure_at: now, locked_until: lockAfter(1, policy, now) })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: next, last_failure_at: now, locked_until: lockSql(next, policy, now) })
        .where(sql<boolean>`(acc_login_throttle.locked_until is null or acc_login_throttle.locked_until <= ${now})`),
    )
    .returning('failures')
    .executeTakeFirst();
  if (counted) return null;
  const row = await db.selectFrom('acc_login_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  return row?.locked_until ?? now + MINUTE;
}

/** Gives one reserved attempt back; lifts the lock only if that attempt was the one that set it. */
export async function release(db: AccountsDb, key: string, policy: ThrottlePolicy): Promise<void> {
  await db
    .updateTable('acc_login_throttle')
    .set({
      failures: sql<number>`(case when failures > 0 then failures - 1 else 0 end)`,
      locked_until: sql<number | null>`(case when failures - 1 < ${policy.free} then null else locked_until end)`,
    })
    .where('key', '=', key)
    .execute();
}

/** When the `failures`-th attempt locks the key, in JS (for a first insert). */
function lockAfter(failures: number, policy: ThrottlePolicy, now: number): number | null {
  if (failures < policy.free) return null;
  const step = Math.min(failures - policy.free, policy.delaysMs.length - 1);
  return now + policy.delaysMs[step];
}

/** The same as lockAfter, in SQL over the new count (one CASE arm per delay step). */
function lockSql(failures: RawBuilder<number>, policy: ThrottlePolicy, now: number): RawBuilder<number | null> {
  const last = policy.delaysMs.length - 1;
  const steps = policy.delaysMs
    .slice(0, last)
    .map((d, i) => sql`when ${failures} = ${policy.free + i} then cast(${now + d} as bigint)`);
  return sql<
    number | null
  >`(case when ${failures} < ${policy.free} then null ${sql.join(steps, sql` `)} else cast(${now + policy.delaysMs[last]} as bigint) end)`;
}

/** Counters nobody has touched for longer than any policy remembers are only clutter. */
async function forgetStale(db: AccountsDb, now: number): Promise<void> {
  const longest = Math.max(...Object.values(throttlePolicies).map((p) => p.forgetMs));
  await db
    .deleteFrom('acc_login_throttle')
    .where('last_failure_at', '<', now - longest)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
}
