import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { findMemberByEmail } from '../../org/server/index.js';
import { accountsErrors } from '../shared/errors.js';
import { assertNotLocked, clearFailures, recordFailure } from './login-throttle.js';
import { getMeUseCase } from './me.js';
import { dummyPasswordHash, verifyPassword } from './secrets.js';
import { startSession } from './start-session.js';

/** Email + password sign-in with per-account throttling; wrong email and wrong password look alike. */
export async function loginUseCase(
  ctx: AppContext,
  input: { email: string; password: string },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const subject = input.email.trim().toLowerCase();
  await assertNotLocked(ctx.db, subject);
  const member = await findMemberByEmail(ctx.db, subject);
  const credential = member
    ? await ctx.db.selectFrom('acc_credentials').select('password_hash').where('user_id', '=', member.id).executeTakeFirst()
    : undefined;
  const valid = await verifyPassword(credential?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!member || !credential || !valid) {
    await recordFailure(ctx.db, subject);
    throw new AppError(accountsErrors['auth.invalid_credentials']);
  }
  if (member.status !== 'active') throw new AppError(accountsErrors['auth.deactivated']);
  await clearFailures(ctx.db, subject);
  const sessionId = await startSession(ctx, ctx.db, member.id, req, reply);
  return getMeUseCase(ctx.db, member.id, sessionId);
}
