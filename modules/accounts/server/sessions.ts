import type { FastifyReply } from 'fastify';
import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { accountsErrors } from '../shared/errors.js';
import { clearSessionCookie } from './session-cookie.js';
import type { AccountsDb } from './tables.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The caller's live sessions, newest activity first; the one making the request is flagged. */
export async function listSessionsUseCase(db: AccountsDb, caller: Caller) {
  const rows = await db
    .selectFrom('acc_sessions')
    .selectAll()
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', Date.now())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return {
    items: rows.map((s) => ({
      id: s.id as `ses_${string}`,
      userAgent: s.user_agent,
      ip: s.ip,
      createdAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      current: s.id === caller.sessionId,
    })),
  };
}

/** Ends one of the caller's sessions; its open sockets close at once. */
export async function revokeSessionUseCase(ctx: AppContext, caller: Caller, sessionId: string) {
  const db: AccountsDb = ctx.db;
  const result = await db
    .updateTable('acc_sessions')
    .set({ revoked_at: Date.now() })
    .where('id', '=', sessionId)
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError(accountsErrors['auth.session_not_found']);
  await ctx.hub.disconnect(caller.userId, { sessionId });
  return { ok: true as const };
}

export async function logoutUseCase(ctx: AppContext, caller: Caller, reply: FastifyReply) {
  if (caller.sessionId) {
    const db: AccountsDb = ctx.db;
    await db.updateTable('acc_sessions').set({ revoked_at: Date.now() }).where('id', '=', caller.sessionId).execute();
    await ctx.hub.disconnect(caller.userId, { sessionId: caller.sessionId });
  }
  clearSessionCookie(reply, ctx.config);
  return { ok: true as const };
}

/**
 * Ends every session of a user (deactivation) or every one but `keep` (password change);
 * returns the ids it ended so their sockets can be closed too.
 */
export async function revokeAllSessions(ctx: Pick<AppContext, 'db'>, userId: string, keep?: string): Promise<string[]> {
  const db: AccountsDb = ctx.db;
  let q = db.selectFrom('acc_sessions').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length > 0) await db.updateTable('acc_sessions').set({ revoked_at: Date.now() }).where('id', 'in', ids).execute();
  return ids;
}
