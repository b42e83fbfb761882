import type { AppContext } from '../../../platform/server/app-context.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatRow, isChatAdmin, type MemberRow, requireMembership } from './access.js';
import { publishUpdated } from './edit-message.js';
import { requireVisibleMessage } from './find-message.js';
import { lockUnrecalled } from './message-guards.js';
import type { MsgDb } from './message-tables.js';
import { toMessageViews } from './message-view.js';

/** Any member pins in direct chats and groups; in announcement channels only the owner and admins. */
export function mayPin(chat: Pick<ChatRow, 'kind'>, member: Pick<MemberRow, 'role'>): boolean {
  return chat.kind !== 'channel' || isChatAdmin(member);
}

export async function setPinUseCase(ctx: AppContext, caller: Caller, messageId: string, pinned: boolean) {
  const db: MsgDb = ctx.db;
  const { message, chat, member } = await requireVisibleMessage(db, caller, messageId);
  if (!mayPin(chat, member)) throw new AppError(messengerErrors['chat.forbidden']);
  if (pinned) {
    if (message.recalled_at !== null) throw new AppError(messengerErrors['message.recalled']);
    await db.transaction().execute(async (tx) => {
      // A recall deletes pins; one committing after the check above must not find this pin missed.
      await lockUnrecalled(tx, message.id);
      await tx
        .insertInto('msg_pins')
        .values({ chat_id: message.chat_id, message_id: message.id, pinned_by: caller.userId, pinned_at: Date.now() })
        .onConflict((oc) => oc.columns(['chat_id', 'message_id']).doNothing())
        .execute();
    });
  } else {
    await db.deleteFrom('msg_pins').where('chat_id', '=', message.chat_id).where('message_id', '=', message.id).execute();
  }
  return publishUpdated(ctx, caller, message.id, member);
}

/** Pinned messages of a chat I am in, newest pin first (history I cannot see stays hidden). */
export async function listPinsUseCase(anyDb: AnyDb, caller: Caller, chatId: string) {
  const db: MsgDb = anyDb;
  const { member } = await requireMembership(db, caller, chatId);
  const rows = await db
    .selectFrom('msg_pins as p')
    .innerJoin('msg_messages as m', 'm.id', 'p.message_id')
    .selectAll('m')
    .where('p.chat_id', '=', chatId)
    .where('m.seq', '>', member.visible_from_seq)
    .orderBy('p.pinned_at', 'desc')
    .limit(200)
    .execute();
  return { items: await toMessageViews(db, rows, { viewerId: caller.userId, visibleFromSeq: member.visible_from_seq }) };
}
