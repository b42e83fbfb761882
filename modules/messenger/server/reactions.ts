import type { AppContext } from '../../../platform/server/app-context.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { publishUpdated } from './edit-message.js';
import { requireVisibleMessage } from './find-message.js';
import { lockUnrecalled } from './message-guards.js';
import type { MsgDb } from './message-tables.js';

// The code points an emoji is built from: pictographs, flags, skin tones, ZWJ, variation selector,
// keycaps, and the tag characters of subdivision flags (Scotland, Wales); `:name:` tokens are kept for custom ones.
const EMOJI_PARTS =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]|[#*0-9])+$/u;
const NAMED = /^:[a-z0-9_+-]{1,38}:$/i;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A reaction is exactly one emoji (one grapheme) or a `:name:` token, never free text: it is shown to everyone. */
export function isValidReaction(emoji: string): boolean {
  if (emoji.length > 40) return false;
  if (NAMED.test(emoji)) return true;
  if (!EMOJI_PARTS.test(emoji) || !/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(emoji)) return false;
  // "👍👍" or "🇫🇷🇩🇪" are built of the same parts as one emoji: count what a reader sees.
  let count = 0;
  for (const _ of graphemes.segment(emoji)) if (++count > 1) return false;
  return true;
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
