import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { isChatAdmin, type MemberRow, mayPost } from './access.js';
import { reloadMessage, requireVisibleMessage } from './find-message.js';
import { insertMentions } from './mention-rows.js';
import { checkContent } from './message-content.js';
import { publishMessageUpdate } from './message-events.js';
import type { MsgDb } from './message-tables.js';
import type { MessageTypeRegistry } from './message-type-registry.js';
import { type MessageRow, toMessageView } from './message-view.js';
import { editWindowMs } from './messenger-settings.js';

/** Own, not recalled, and still within the org's edit window. */
export async function requireChangeable(db: MsgDb, caller: Caller, message: MessageRow): Promise<void> {
  if (message.sender_id !== caller.userId) throw new AppError(messengerErrors['message.not_yours']);
  if (message.recalled_at !== null) throw new AppError(messengerErrors['message.recalled']);
  const window = await editWindowMs(db);
  if (Date.now() - message.created_at > window) {
    throw new AppError(messengerErrors['message.edit_window_passed'], {
      params: { hours: Math.round((window / 3_600_000) * 10) / 10 },
    });
  }
}

/** Publishes the new state of a message to its chat and returns the caller's view of it. */
export async function publishUpdated(ctx: AppContext, caller: Caller, messageId: string, member: MemberRow) {
  const row = await reloadMessage(ctx.db, messageId);
  await publishMessageUpdate(ctx, row, (floor) => toMessageView(ctx.db, row, { viewerId: null, visibleFromSeq: floor }));
  return toMessageView(ctx.db, row, { viewerId: caller.userId, visibleFromSeq: member.visible_from_seq });
}

/**
 * Replaces the content of my message within the edit window; same kind, same validation as a
 * send. Files cannot be swapped by an edit (send a new message instead). Newly @mentioned
 * people are not notified again: an edit is a correction, not a new message.
 */
export async function editMessageUseCase(
  ctx: AppContext,
  registry: MessageTypeRegistry,
  caller: Caller,
  messageId: string,
  content: unknown,
) {
  const db: MsgDb = ctx.db;
  const { message, chat, member } = await requireVisibleMessage(db, caller, messageId);
  await requireChangeable(db, caller, message);
  // Editing is posting again: a channel editor who has lost the role may not rewrite their posts.
  if (!mayPost(chat, member, message.thread_root_id !== null)) throw new AppError(messengerErrors['chat.read_only']);
  const checked = checkContent(registry, message.kind, content);
  if (checked.fileIds.length) throw new AppError(messengerErrors['message.invalid_content']);
  if (checked.mentions.includes('all') && !message.mentions.includes('"all"')) {
    const atAllAdmins = chat.kind === 'channel' || JSON.parse(chat.settings).atAll === 'admins';
    if (atAllAdmins && !isChatAdmin(member)) throw new AppError(messengerErrors['message.at_all_forbidden']);
  }
  const mentions = message.forwarded_from ? [] : checked.mentions;
  await db.transaction().execute(async (tx) => {
    // Guarded in the write itself: a recall that committed since the check above wins, and its
    // mentions stay deleted (see message-guards.ts for the locking).
    const edited = await tx
      .updateTable('msg_messages')
      .set({
        content: JSON.stringify(checked.content),
        text: checked.text,
        mentions: JSON.stringify(mentions),
        edited_at: Date.now(),
      })
      .where('id', '=', message.id)
      .where('recalled_at', 'is', null)
      .executeTakeFirst();
    if (Number(edited.numUpdatedRows) === 0) throw new AppError(messengerErrors['message.recalled']);
    await tx.deleteFrom('msg_mentions').where('message_id', '=', message.id).execute();
    await insertMentions(tx, message, mentions);
  });
  return publishUpdated(ctx, caller, message.id, member);
}
