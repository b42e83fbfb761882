import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { findMemberByEmail } from '../../org/server/index.js';
import { accountsErrors } from '../shared/errors.js';
import { reserveSignIn, settleSuccessfulSignIn } from './login-throttle.js';
import { getMeUseCase } from './me.js';
import { dummyPasswordHash, verifyPassword } from './secrets.js';
import { startSession } from './start-session.js';
import type { AccountsDb } from './tables.js';

/** How long an address where someone signed in stays "theirs" for the per-account limit. */
const KNOWN_ADDRESS_DAYS = 90;

/**
 * Email + password sign-in, throttled per account-and-address, per account and per address
 * (ADR 0009): the attempt is counted before the password is checked. Wrong email and wrong
 * password look alike.
 */
export async function loginUseCase(
  ctx: AppContext,
  input: { email: string; password: string },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const subject = input.email.trim().toLowerCase();
  const member = await findMemberByEmail(ctx.db, subject);
  const known = member ? await signedInFromBefore(ctx.db, member.id, req.ip) : false;
  const reservation = await reserveSignIn(ctx.db, subject, req.ip, known);
  const db: AccountsDb = ctx.db;
  const credential = member
    ? await db.selectFrom('acc_credentials').select('password_hash').where('user_id', '=', member.id).executeTakeFirst()
    : undefined;
  const valid = await verifyPassword(credential?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!member || !credential || !valid) throw new AppError(accountsErrors['auth.invalid_credentials']);
  await settleSuccessfulSignIn(ctx.db, reservation);
  if (member.status !== 'active') throw new AppError(accountsErrors['auth.deactivated']);
  const sessionId = await startSession(ctx, ctx.db, member.id, req, reply);
  return getMeUseCase(ctx.db, member.id, sessionId);
}

/** Whether this person has opened a session from this address lately (a device or network they use). */
async function signedInFromBefore(db: AccountsDb, userId: string, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('acc_sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('ip', '=', address)
    .where('created_at', '>', Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
