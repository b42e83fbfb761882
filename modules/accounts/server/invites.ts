import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { authorize, type Caller, type Role } from '../../../platform/server/permissions.js';
import { recordAudit } from '../../audit/server/index.js';
import { createMember, getOrganization } from '../../org/server/index.js';
import type { acceptInvite, createInvite, inviteView } from '../shared/contract.js';
import { accountsErrors } from '../shared/errors.js';
import { getMeUseCase } from './me.js';
import { hashPassword, newSecret, sha256 } from './secrets.js';
import { startSession } from './start-session.js';
import type { AccountsDb, AccountsTables } from './tables.js';

type InviteRow = Selectable<AccountsTables['acc_invites']>;
type InviteView = z.infer<typeof inviteView>;

/** Admins and HR admins manage invites. */
const manageInvites = { roles: ['admin', 'hr_admin'] as Role[] };

function toView(row: InviteRow, now = Date.now()): InviteView {
  const status = row.revoked_at ? 'revoked' : row.used_at ? 'used' : row.expires_at <= now ? 'expired' : 'pending';
  return {
    id: row.id as InviteView['id'],
    email: row.email,
    role: row.role as InviteView['role'],
    departmentId: row.department_id,
    createdBy: row.created_by as InviteView['createdBy'],
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    status,
  };
}

function baseUrl(ctx: AppContext, req: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${req.protocol}://${req.host || 'localhost'}`;
}

export async function createInviteUseCase(
  ctx: AppContext,
  caller: Caller,
  input: z.output<NonNullable<typeof createInvite.body>>,
  req: FastifyRequest,
) {
  authorize(caller, manageInvites);
  // Only admins may hand out the admin role through a link.
  if (input.role === 'admin') authorize(caller, { roles: ['admin'] });
  const token = newSecret();
  const now = Date.now();
  const row: InviteRow = {
    id: newId('inv'),
    token_hash: sha256(token),
    created_by: caller.userId,
    email: input.email?.toLowerCase() ?? null,
    role: input.role && input.role !== 'member' ? input.role : null,
    department_id: input.departmentId ?? null,
    expires_at: now + input.expiresInDays * 86_400_000,
    created_at: now,
    used_at: null,
    used_by: null,
    revoked_at: null,
  };
  const db: AccountsDb = ctx.db;
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('acc_invites').values(row).execute();
    await recordAudit(tx, {
      actorId: caller.userId,
      action: 'invite.created',
      targetType: 'invite',
      targetId: row.id,
      details: { email: row.email, role: row.role, departmentId: row.department_id },
      ip: req.ip,
    });
  });
  return { invite: toView(row), token, url: `${baseUrl(ctx, req)}/invite/${token}` };
}

export async function listInvitesUseCase(ctx: AppContext, caller: Caller) {
  authorize(caller, manageInvites);
  const db: AccountsDb = ctx.db;
  const rows = await db.selectFrom('acc_invites').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  return { items: rows.map((r) => toView(r)) };
}

export async function revokeInviteUseCase(ctx: AppContext, caller: Caller, inviteId: string) {
  authorize(caller, manageInvites);
  const db: AccountsDb = ctx.db;
  const result = await db
    .updateTable('acc_invites')
    .set({ revoked_at: Date.now() })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError(accountsErrors['invite.not_found']);
  await recordAudit(ctx.db, { actorId: caller.userId, action: 'invite.revoked', targetType: 'invite', targetId: inviteId });
  return { ok: true as const };
}

async function usableInvite(ctx: AppContext, token: string): Promise<InviteRow> {
  const db: AccountsDb = ctx.db;
  const row = await db.selectFrom('acc_invites').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || toView(row).status !== 'pending') throw new AppError(accountsErrors['invite.invalid']);
  return row;
}

export async function lookupInviteUseCase(ctx: AppContext, token: string) {
  const row = await usableInvite(ctx, token);
  const org = await getOrganization(ctx.db);
  return { organizationName: org?.name ?? '', email: row.email, expiresAt: new Date(row.expires_at).toISOString() };
}

/** Creates the member an invite promised and signs them in; each link works once. */
export async function acceptInviteUseCase(
  ctx: AppContext,
  input: z.output<NonNullable<typeof acceptInvite.body>>,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const invite = await usableInvite(ctx, input.token);
  if (invite.email && invite.email !== input.email.toLowerCase()) throw new AppError(accountsErrors['invite.email_mismatch']);
  const passwordHash = await hashPassword(input.password);
  const events = ctx.events.collect();
  const db: AccountsDb = ctx.db;
  const userId = await db.transaction().execute(async (tx) => {
    const id = await createMember(
      tx,
      {
        displayName: input.displayName,
        email: input.email,
        locale: input.locale,
        timezone: input.timezone,
        roles: invite.role ? [invite.role as Role] : [],
        departmentIds: invite.department_id ? [invite.department_id] : [],
      },
      events,
    );
    // The guarded update makes a link single-use even when two people accept it at once.
    const claimed = await tx
      .updateTable('acc_invites')
      .set({ used_at: Date.now(), used_by: id })
      .where('id', '=', invite.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new AppError(accountsErrors['invite.invalid']);
    await tx.insertInto('acc_credentials').values({ user_id: id, password_hash: passwordHash, updated_at: Date.now() }).execute();
    return id;
  });
  await events.flush();
  const sessionId = await startSession(ctx, ctx.db, userId, req, reply);
  return getMeUseCase(ctx.db, userId, sessionId);
}
