import type { UserId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { recordAudit } from '../../audit/server/index.js';
import { setMemberStatus } from '../../org/server/index.js';
import { revokeAllSessions } from './sessions.js';

/**
 * Deactivation ends every session and socket at once and leaves the member's content in
 * place; tokens stop working because callers must be active. Reactivation just flips it back.
 */
export async function setMemberActiveUseCase(
  ctx: AppContext,
  caller: Caller,
  userId: UserId,
  status: 'active' | 'deactivated',
  ip: string | null,
) {
  const events = ctx.events.collect();
  await ctx.db.transaction().execute(async (tx) => {
    await setMemberStatus(tx, userId, status, events);
    await recordAudit(tx, {
      actorId: caller.userId,
      action: status === 'active' ? 'member.reactivated' : 'member.deactivated',
      targetType: 'member',
      targetId: userId,
      ip,
    });
    if (status === 'deactivated') await revokeAllSessions({ ...ctx, db: tx }, userId);
  });
  if (status === 'deactivated') await ctx.hub.disconnect(userId);
  await events.flush();
  return { ok: true as const };
}
