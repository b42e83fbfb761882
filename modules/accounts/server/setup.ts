import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../../platform/shared/errors.js';
import type { AppContext } from '../../../platform/server/app-context.js';
import { recordAudit } from '../../audit/server/index.js';
import { orgErrors } from '../../org/shared/errors.js';
import { createMember, createOrganization, getOrganization } from '../../org/server/index.js';
import type { setup } from '../shared/contract.js';
import { getMeUseCase } from './me.js';
import { hashPassword } from './secrets.js';
import { startSession } from './start-session.js';
import type { AccountsDb } from './tables.js';

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return !(await getOrganization(ctx.db));
}

/** First visit: creates the organization and its first administrator, then signs them in. */
export async function setupUseCase(
  ctx: AppContext,
  input: z.output<NonNullable<typeof setup.body>>,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const passwordHash = await hashPassword(input.password);
  const db: AccountsDb = ctx.db;
  const userId = await db.transaction().execute(async (tx) => {
    // The organization row is the setup lock: only one concurrent setup can insert it.
    if (!(await createOrganization(tx, input.organizationName, input.locale))) {
      throw new AppError(orgErrors['org.already_set_up']);
    }
    const id = await createMember(tx, {
      displayName: input.displayName,
      email: input.email,
      locale: input.locale,
      timezone: input.timezone,
      roles: ['admin'],
    });
    await tx.insertInto('acc_credentials').values({ user_id: id, password_hash: passwordHash, updated_at: Date.now() }).execute();
    await recordAudit(tx, { actorId: id, action: 'organization.set_up', targetType: 'organization', ip: req.ip });
    return id;
  });
  const sessionId = await startSession(ctx, ctx.db, userId, req, reply);
  return getMeUseCase(ctx.db, userId, sessionId);
}
