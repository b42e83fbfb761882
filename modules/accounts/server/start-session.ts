import type { FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { newSecret, sha256 } from './secrets.js';
import { setSessionCookie } from './session-cookie.js';
import type { AccountsDb } from './tables.js';

/** Opens a server-side session for a user and hands the browser its cookie. Returns the session id. */
export async function startSession(
  ctx: AppContext,
  db: AccountsDb,
  userId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<string> {
  const secret = newSecret();
  const id = newId('ses');
  const now = Date.now();
  const expiresAt = now + ctx.config.sessionDays * 86_400_000;
  await db
    .insertInto('acc_sessions')
    .values({
      id,
      user_id: userId,
      token_hash: sha256(secret),
      user_agent: req.headers['user-agent']?.slice(0, 300) ?? null,
      ip: req.ip ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  setSessionCookie(reply, ctx.config, secret, expiresAt);
  return id;
}
