import type { z } from 'zod';
import type { AppContext } from '../../../platform/server/app-context.js';
import { authorize, type Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { newId } from '../../../platform/shared/ids.js';
import { activeMemberIds, findDepartment } from '../../org/server/index.js';
import type { createChat } from '../shared/contract.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatView, DEFAULT_CHAT_SETTINGS } from '../shared/types.js';
import { requireMembership } from './access.js';
import { announceMembership } from './chat-events.js';
import { toChatView } from './chat-view.js';
import { insertMembers } from './member-writes.js';
import { type ChatScope, syncChat } from './scoped-sync.js';
import type { MessengerDb, MessengerTables } from './tables.js';

type CreateInput = z.output<NonNullable<typeof createChat.body>>;

/** Throws `chat.invalid_members` unless every id is an active member of the organization. */
export async function requireActiveMembers(ctx: AppContext, ids: string[]): Promise<void> {
  const active = await activeMemberIds(ctx.db, ids);
  if (ids.some((id) => !active.has(id))) throw new AppError(messengerErrors['chat.invalid_members']);
}

/**
 * Inserts a chat with its owner as the first member, then (for scoped chats) fills it from
 * the organization. Returns the owner's view.
 */
export async function insertChat(
  ctx: AppContext,
  caller: Caller,
  values: Omit<
    MessengerTables['msg_chats'],
    | 'id'
    | 'created_by'
    | 'created_at'
    | 'updated_at'
    | 'last_seq'
    | 'history_floor'
    | 'last_message_at'
    | 'archived_at'
    | 'direct_key'
    | 'announcement'
    | 'avatar_file_id'
  >,
  memberIds: string[],
  memberRole: 'member' | 'subscriber',
): Promise<ChatView> {
  const id = newId('chat');
  const now = Date.now();
  const added = await (ctx.db as MessengerDb).transaction().execute(async (tx) => {
    await tx
      .insertInto('msg_chats')
      .values({
        ...values,
        id,
        avatar_file_id: null,
        direct_key: null,
        announcement: null,
        last_seq: 0,
        history_floor: 0,
        last_message_at: null,
        created_by: caller.userId,
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    const owner = await insertMembers(tx, id, [caller.userId], { role: 'owner', visibleFromSeq: 0, lastSeq: 0, now });
    const others = await insertMembers(
      tx,
      id,
      memberIds.filter((m) => m !== caller.userId),
      { role: memberRole, visibleFromSeq: 0, lastSeq: 0, now },
    );
    return [...owner, ...others];
  });
  await announceMembership(ctx, id, added, []);
  const fresh = await (ctx.db as MessengerDb).selectFrom('msg_chats').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (fresh.scope) await syncChat(ctx, fresh);
  const { chat, member } = await requireMembership(ctx.db, caller, id);
  return toChatView(ctx.db, caller.userId, chat, member);
}

/**
 * POST /api/chats. A group is owned by its creator and holds the people they named (a private
 * one at least one besides the creator). An announcement channel (organization admins only)
 * reaches everyone in the chosen department subtrees, or the whole organization, as
 * subscribers, and keeps following the org chart.
 */
export async function createChatUseCase(ctx: AppContext, caller: Caller, input: CreateInput): Promise<ChatView> {
  const memberIds = [...new Set(input.memberIds)];
  // A private group of one is a mistake (nobody else can ever find it); a public one is a room
  // others join from the group directory, so it may open with its creator alone.
  if (input.kind === 'group' && input.visibility === 'private' && !memberIds.some((id) => id !== caller.userId)) {
    throw new AppError(messengerErrors['chat.too_few_members']);
  }
  await requireActiveMembers(ctx, memberIds);
  const settings = { ...DEFAULT_CHAT_SETTINGS, ...input.settings };
  if (input.kind === 'group') {
    return insertChat(
      ctx,
      caller,
      {
        kind: 'group',
        name: input.name,
        description: input.description ?? '',
        visibility: input.visibility,
        owner_id: caller.userId,
        department_id: null,
        settings: JSON.stringify(settings),
        scope: null,
      },
      memberIds,
      'member',
    );
  }
  authorize(caller, { roles: ['admin'] });
  const departmentIds = [...new Set(input.scopeDepartmentIds ?? [])];
  for (const d of departmentIds) {
    if (!(await findDepartment(ctx.db, d))) throw new AppError(messengerErrors['chat.department_not_found']);
  }
  const scope: ChatScope = departmentIds.length > 0 ? { departmentIds } : { all: true };
  return insertChat(
    ctx,
    caller,
    {
      kind: 'channel',
      name: input.name,
      description: input.description ?? '',
      visibility: input.visibility,
      owner_id: caller.userId,
      department_id: null,
      // Everybody may @all in a channel only as an editor (send checks that), so 'admins' states it.
      settings: JSON.stringify({ ...settings, whoMayAdd: 'admins', atAll: 'admins' }),
      scope: JSON.stringify(scope),
    },
    memberIds,
    'subscriber',
  );
}
