import type { z } from 'zod';
import { AppError } from '../../../platform/shared/errors.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { orgErrors } from '../../org/shared/errors.js';
import { getMemberView, getOrganization } from '../../org/server/index.js';
import type { meView } from '../shared/contract.js';

type MeView = z.infer<typeof meView>;

/** The signed-in member as the web shell needs it right after sign-in. */
export async function getMeUseCase(db: AnyDb, userId: string, sessionId: string | null): Promise<MeView> {
  const [user, org] = await Promise.all([getMemberView(db, userId), getOrganization(db)]);
  if (!user || !org) throw new AppError(orgErrors['org.member_not_found']);
  return { user, organization: { name: org.name }, sessionId: sessionId as MeView['sessionId'] };
}
