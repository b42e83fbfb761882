import type { FastifyRequest } from 'fastify';
import type { TokenScope } from '../../../platform/shared/contract.js';
import type { UserId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { loadCallerProfile } from '../../org/server/index.js';
import { sha256 } from './secrets.js';
import { readSessionCookie } from './session-cookie.js';
import type { AccountsDb } from './tables.js';

// Touching last-seen on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/** Reads the credential a request carries (Bearer token or session cookie). */
export function credentialOf(req: { headers: FastifyRequest['headers'] } & Partial<Pick<FastifyRequest, 'cookies'>>) {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return { kind: 'token' as const, secret: auth.slice(7).trim() };
  const cookie = (req as FastifyRequest).cookies ? readSessionCookie(req as FastifyRequest) : undefined;
  if (cookie) return { kind: 'session' as const, secret: cookie };
  return undefined;
}

/**
 * Who is calling: a live session or an unrevoked, unexpired access token of an active
 * member. Anything else is anonymous; the contract's auth requirement decides what follows.
 * A token without the `admin` scope carries the member role only (no HR admin or HRBP scope).
 */
export async function resolveCaller(
  ctx: AppContext,
  req: Pick<FastifyRequest, 'headers'> & Partial<Pick<FastifyRequest, 'cookies'>>,
): Promise<Caller | null> {
  const credential = credentialOf(req);
  if (!credential) return null;
  const db: AccountsDb = ctx.db;
  const now = Date.now();
  const hash = sha256(credential.secret);
  let userId: string;
  let extra: Pick<Caller, 'sessionId' | 'tokenId' | 'tokenScopes'>;
  if (credential.kind === 'session') {
    const session = await db
      .selectFrom('acc_sessions')
      .select(['id', 'user_id', 'last_seen_at', 'expires_at'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!session || session.expires_at <= now) return null;
    if (now - session.last_seen_at > TOUCH_EVERY_MS) {
      const expiresAt = now + ctx.config.sessionDays * 86_400_000;
      await db
        .updateTable('acc_sessions')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('id', '=', session.id)
        .execute();
    }
    userId = session.user_id;
    extra = { sessionId: session.id };
  } else {
    const token = await db
      .selectFrom('acc_tokens')
      .select(['id', 'user_id', 'scopes', 'last_used_at', 'expires_at'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token || (token.expires_at !== null && token.expires_at <= now)) return null;
    if (token.last_used_at === null || now - token.last_used_at > TOUCH_EVERY_MS) {
      await db.updateTable('acc_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
    }
    userId = token.user_id;
    extra = { tokenId: token.id, tokenScopes: JSON.parse(token.scopes) as TokenScope[] };
  }
  const profile = await loadCallerProfile(ctx.db, userId);
  if (profile?.status !== 'active') return null;
  // A token without the admin scope is an everyday script credential: it acts as a plain member
  // everywhere, so a leaked one cannot reach the owner's admin, HR admin or HRBP rights through
  // use cases that check roles themselves. Doing it here keeps every module's checks honest.
  const elevated = !extra.tokenScopes || extra.tokenScopes.includes('admin');
  return {
    userId: userId as UserId,
    roles: elevated ? profile.roles : ['member'],
    scopePaths: elevated ? profile.scopePaths : [],
    locale: profile.locale,
    timezone: profile.timezone,
    ...extra,
  };
}
