import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { isChatAdmin } from './access.js';
import { publishUpdated, requireChangeable } from './edit-message.js';
import { requireVisibleMessage } from './find-message.js';
import type { MsgDb } from './message-tables.js';

/**
 * Recalls a message: everyone then sees "message recalled" (no content, no text), its pins go,
 * and its files are no longer readable through it. Authors may recall within the edit window;
 * the chat's owner and admins may recall any message at any time (moderation).
 */
export async function recallMessageUseCase(ctx: AppContext, caller: Caller, messageId: string) {
  const db: MsgDb = ctx.db;
  const { message, chat, member } = await requireVisibleMessage(db, caller, messageId);
  if (message.recalled_at !== null) throw new AppError(messengerErrors['message.recalled']);
  const moderator = isChatAdmin(member) && chat.kind !== 'direct';
  if (!moderator) await requireChangeable(db, caller, message);
  await db.transaction().execute(async (tx) => {
    // Of two recalls at once only one matches; the other is told it was already recalled.
    const recalled = await tx
      .updateTable('msg_messages')
      .set({ recalled_at: Date.now() })
      .where('id', '=', message.id)
      .where('recalled_at', 'is', null)
      .executeTakeFirst();
    if (Number(recalled.numUpdatedRows) === 0) throw new AppError(messengerErrors['message.recalled']);
    await tx.deleteFrom('msg_pins').where('message_id', '=', message.id).execute();
    await tx.deleteFrom('msg_mentions').where('message_id', '=', message.id).execute();
  });
  return publishUpdated(ctx, caller, message.id, member);
}
