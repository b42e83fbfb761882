import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { publishUpdated } from './edit-message.js';
import { requireVisibleMessage } from './find-message.js';
import { lockUnrecalled } from './message-guards.js';
import type { MsgDb } from './message-tables.js';

// One emoji (with skin tones, ZWJ sequences, flags, keycaps) or a `:name:` token for custom ones.
const UNICODE_EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[#*0-9])+$/u;
const NAMED = /^:[a-z0-9_+-]{1,38}:$/i;

/** A reaction is a short emoji or `:name:` token, never free text (it is shown to everyone). */
export function isValidReaction(emoji: string): boolean {
  if (emoji.length > 40) return false;
  if (NAMED.test(emoji)) return true;
  return UNICODE_EMOJI.test(emoji) && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(emoji);
}

/** Adds or removes my reaction; both are idempotent. Every member (channel subscribers too) may react. */
export async function setReactionUseCase(ctx: AppContext, caller: Caller, messageId: string, emoji: string, on: boolean) {
  if (!isValidReaction(emoji)) throw new AppError(messengerErrors['message.invalid_reaction']);
  const db: MsgDb = ctx.db;
  const { message, member } = await requireVisibleMessage(db, caller, messageId);
  if (message.recalled_at !== null) throw new AppError(messengerErrors['message.recalled']);
  if (on) {
    await db.transaction().execute(async (tx) => {
      // Not recalled when the reaction lands, not only when the request began.
      await lockUnrecalled(tx, message.id);
      await tx
        .insertInto('msg_reactions')
        .values({ message_id: message.id, user_id: caller.userId, emoji, created_at: Date.now() })
        .onConflict((oc) => oc.columns(['message_id', 'user_id', 'emoji']).doNothing())
        .execute();
    });
  } else {
    await db
      .deleteFrom('msg_reactions')
      .where('message_id', '=', message.id)
      .where('user_id', '=', caller.userId)
      .where('emoji', '=', emoji)
      .execute();
  }
  return publishUpdated(ctx, caller, message.id, member);
}
