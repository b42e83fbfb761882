import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { findDepartment } from '../../org/server/index.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatView, DEFAULT_CHAT_SETTINGS } from '../shared/types.js';
import { insertChat } from './create-chat.js';

/**
 * POST /api/chats/department (organization admins, enforced by the contract). The group's
 * members are the department's subtree and follow it: people who join or leave the
 * department, or a department moved in or out of the subtree, change it automatically. The
 * creating admin owns it (and stays, as its manager, even outside the department).
 */
export async function createDepartmentChatUseCase(
  ctx: AppContext,
  caller: Caller,
  input: { departmentId: string; name?: string },
): Promise<ChatView> {
  const department = await findDepartment(ctx.db, input.departmentId);
  if (!department) throw new AppError(messengerErrors['chat.department_not_found']);
  return insertChat(
    ctx,
    caller,
    {
      kind: 'department',
      name: input.name ?? department.name,
      description: '',
      visibility: 'private',
      owner_id: caller.userId,
      department_id: department.id,
      settings: JSON.stringify({ ...DEFAULT_CHAT_SETTINGS, whoMayAdd: 'admins' }),
      scope: JSON.stringify({ departmentIds: [department.id] }),
    },
    [],
    'member',
  );
}
