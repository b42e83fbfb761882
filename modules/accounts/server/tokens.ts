import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TokenScope } from '../../../platform/shared/contract.js';
import { AppError } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { authorize, type Caller } from '../../../platform/server/permissions.js';
import type { tokenView } from '../shared/contract.js';
import { accountsErrors } from '../shared/errors.js';
import { grantableScopes } from '../shared/token-scopes.js';
import { newSecret, sha256 } from './secrets.js';
import type { AccountsDb, AccountsTables } from './tables.js';

type TokenView = z.infer<typeof tokenView>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toView(row: Selectable<AccountsTables['acc_tokens']>): TokenView {
  return {
    id: row.id as TokenView['id'],
    name: row.name,
    scopes: JSON.parse(row.scopes),
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
  };
}

/** Creates a personal access token; the secret is returned once and stored only as a hash. */
export async function createTokenUseCase(
  db: AccountsDb,
  caller: Caller,
  input: { name: string; scopes: TokenScope[]; expiresInDays?: number },
) {
  // A token cannot mint further tokens' rights, and never carries more than its owner has.
  if (caller.tokenScopes) authorize(caller, { roles: [] });
  const grantable = grantableScopes(caller.roles);
  if (input.scopes.some((scope) => !grantable.includes(scope))) throw new AppError(accountsErrors['auth.admin_scope_forbidden']);
  const secret = newSecret('skp_');
  const now = Date.now();
  const row = {
    id: newId('pat'),
    user_id: caller.userId,
    name: input.name,
    token_hash: sha256(secret),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_at: now,
    last_used_at: null,
    expires_at: input.expiresInDays ? now + input.expiresInDays * 86_400_000 : null,
    revoked_at: null,
  };
  await db.insertInto('acc_tokens').values(row).execute();
  return { token: toView(row), secret };
}

export async function listTokensUseCase(db: AccountsDb, caller: Caller) {
  const rows = await db
    .selectFrom('acc_tokens')
    .selectAll()
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return { items: rows.map(toView) };
}

/**
 * Revokes one of the caller's tokens. Its open sockets close too (on every node): the socket's
 * credential was checked only at the upgrade, so without this a leaked token would keep
 * receiving live events after its owner revoked it.
 */
export async function revokeTokenUseCase(ctx: AppContext, caller: Caller, tokenId: string) {
  const db: AccountsDb = ctx.db;
  const result = await db
    .updateTable('acc_tokens')
    .set({ revoked_at: Date.now() })
    .where('id', '=', tokenId)
    .where('user_id', '=', caller.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError(accountsErrors['auth.token_not_found']);
  await ctx.hub.disconnect(caller.userId, { tokenId });
  return { ok: true as const };
}
