import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import type { DraftView } from '../shared/contract.js';
import type { DraftDb } from './drafts.js';

/** More chats than anyone has drafts in; keeps the answer bounded all the same. */
const MAX_DRAFTS = 500;

/**
 * GET /api/me/drafts: my drafts in chats I am in now. A draft from before I left a chat stays
 * hidden, even after I rejoin (it was written before my current membership began).
 */
export async function listMyDraftsUseCase(anyDb: AnyDb, caller: Caller): Promise<{ items: DraftView[] }> {
  const db: DraftDb = anyDb;
  const rows = await db
    .selectFrom('msg_drafts')
    .innerJoin('msg_members', (j) =>
      j.onRef('msg_members.chat_id', '=', 'msg_drafts.chat_id').onRef('msg_members.user_id', '=', 'msg_drafts.user_id'),
    )
    .innerJoin('msg_chats', 'msg_chats.id', 'msg_drafts.chat_id')
    .select(['msg_drafts.chat_id', 'msg_drafts.text', 'msg_drafts.updated_at'])
    .where('msg_drafts.user_id', '=', caller.userId)
    .where('msg_chats.archived_at', 'is', null)
    .whereRef('msg_drafts.updated_at', '>=', 'msg_members.joined_at')
    .orderBy('msg_drafts.updated_at', 'desc')
    .limit(MAX_DRAFTS)
    .execute();
  return {
    items: rows.map((r) => ({
      chatId: r.chat_id as DraftView['chatId'],
      text: r.text,
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    })),
  };
}
