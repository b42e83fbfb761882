import { AppError } from '../../../platform/shared/errors.js';
import type { UserId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { accountsErrors } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './secrets.js';
import { revokeAllSessions } from './sessions.js';
import type { AccountsDb } from './tables.js';

/** Changes the caller's password after checking the current one; other devices are signed out. */
export async function changePasswordUseCase(
  ctx: AppContext,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
) {
  const db: AccountsDb = ctx.db;
  const row = await db
    .selectFrom('acc_credentials')
    .select('password_hash')
    .where('user_id', '=', caller.userId)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError(accountsErrors['auth.wrong_password']);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db
    .updateTable('acc_credentials')
    .set({ password_hash: passwordHash, updated_at: Date.now() })
    .where('user_id', '=', caller.userId)
    .execute();
  const ended = await revokeAllSessions(ctx, caller.userId, caller.sessionId);
  // Sockets of the ended sessions close too; the current session's socket stays open.
  for (const sessionId of ended) await ctx.hub.disconnect(caller.userId as UserId, { sessionId });
  return { ok: true as const };
}
