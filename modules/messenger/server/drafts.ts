import type { Kysely } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { mayPost, requireMembership } from './access.js';
import type { MessengerTables } from './tables.js';

/** Migration 20261203T0900: one unsent draft per (person, chat); only that person ever reads it. */
export interface DraftTables {
  msg_drafts: {
    user_id: string;
    chat_id: string;
    /** The composer's source: markdown-ish text, mentions as <at> tags. */
    text: string;
    updated_at: number;
  };
}

export type DraftDb = Kysely<MessengerTables & DraftTables>;

/** Drops my draft in a chat (after a send, or when I empty the composer). */
export async function dropDraft(anyDb: AnyDb, userId: string, chatId: string): Promise<void> {
  const db: DraftDb = anyDb;
  await db.deleteFrom('msg_drafts').where('user_id', '=', userId).where('chat_id', '=', chatId).execute();
}

/**
 * PUT /api/chats/:chatId/draft: keeps what I typed where I may write. Whitespace only counts
 * as nothing, so an emptied composer leaves no "[Draft]" behind.
 */
export async function saveDraftUseCase(anyDb: AnyDb, caller: Caller, chatId: string, text: string) {
  const db: DraftDb = anyDb;
  const { chat, member } = await requireMembership(db, caller, chatId);
  if (!mayPost(chat, member, false)) throw new AppError(messengerErrors['chat.read_only']);
  if (!text.trim()) {
    await dropDraft(db, caller.userId, chatId);
    return { ok: true as const };
  }
  const now = Date.now();
  await db
    .insertInto('msg_drafts')
    .values({ user_id: caller.userId, chat_id: chatId, text, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'chat_id']).doUpdateSet({ text, updated_at: now }))
    .execute();
  return { ok: true as const };
}

/**
 * DELETE /api/chats/:chatId/draft: touches only my own row, so it answers the same for any
 * chat id (nothing to probe) and works after I have left the chat.
 */
export async function clearDraftUseCase(anyDb: AnyDb, caller: Caller, chatId: string) {
  await dropDraft(anyDb, caller.userId, chatId);
  return { ok: true as const };
}
