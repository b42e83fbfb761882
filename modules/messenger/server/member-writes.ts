import { sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import type { ChatRow, MemberRow } from './access.js';
import { chunks, ROW_BATCH } from './sql-batches.js';
import type { MessengerDb } from './tables.js';

/**
 * Adds people who are not members yet; returns who was actually added. `visibleFromSeq` hides
 * the history before they joined when the chat says so (see historyVisibleFrom); `lastSeq` is
 * the chat's current seq, where their read position starts.
 */
export async function insertMembers(
  anyDb: AnyDb,
  chatId: string,
  userIds: string[],
  options: { role: MemberRow['role']; visibleFromSeq: number; lastSeq: number; synced?: boolean; now?: number },
): Promise<string[]> {
  const db: MessengerDb = anyDb;
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return [];
  const now = options.now ?? Date.now();
  const added: string[] = [];
  for (const chunk of chunks(wanted, ROW_BATCH)) {
    // Who was added is what the insert reports, not a lookup before it: of two adds (or a join
    // and an add) at once, only the one whose row landed announces the newcomer.
    const rows = await db
      .insertInto('msg_members')
      .values(
        chunk.map((user_id) => ({
          chat_id: chatId,
          user_id,
          role: options.role,
          joined_at: now,
          visible_from_seq: options.visibleFromSeq,
          // Even with full history shown, what was said before joining is not "unread".
          read_seq: options.lastSeq,
          muted: 0,
          synced: options.synced ? 1 : 0,
        })),
      )
      .onConflict((oc) => oc.columns(['chat_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute();
    added.push(...rows.map((r) => r.user_id));
  }
  if (added.length > 0 && options.visibleFromSeq > 0) {
    // The chat's history floor only rises on a join; portable max() of two values.
    const v = options.visibleFromSeq;
    await db
      .updateTable('msg_chats')
      .set({ history_floor: sql<number>`(case when history_floor < ${v} then ${v} else history_floor end)` })
      .where('id', '=', chatId)
      .execute();
  }
  return added;
}

/** A member's role in a chat, read fresh (inside the caller's transaction when it has one). */
export async function roleOf(anyDb: AnyDb, chatId: string, userId: string): Promise<MemberRow['role'] | undefined> {
  const db: MessengerDb = anyDb;
  const row = await db
    .selectFrom('msg_members')
    .select('role')
    .where('chat_id', '=', chatId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/** Deletes memberships; returns who was actually removed. */
export async function deleteMembers(anyDb: AnyDb, chatId: string, userIds: string[]): Promise<string[]> {
  const db: MessengerDb = anyDb;
  const removed: string[] = [];
  for (const chunk of chunks(userIds)) {
    const rows = await db
      .deleteFrom('msg_members')
      .where('chat_id', '=', chatId)
      .where('user_id', 'in', chunk)
      .returning('user_id')
      .execute();
    removed.push(...rows.map((r) => r.user_id));
  }
  // Whoever set the history floor may have left: it falls back to what the remaining members need.
  if (removed.length > 0) {
    await db
      .updateTable('msg_chats')
      .set({
        history_floor: sql<number>`(select coalesce(max(m.visible_from_seq), 0) from msg_members m where m.chat_id = ${chatId})`,
      })
      .where('id', '=', chatId)
      .execute();
  }
  return removed;
}

/** Where a newcomer's visible history starts: everything, or only what comes after they join. */
export function historyVisibleFrom(chat: Pick<ChatRow, 'last_seq'>, historyVisible: boolean): number {
  return historyVisible ? 0 : chat.last_seq;
}

/** Bumps the chat's updated_at (membership and settings changes). */
export async function touchChat(anyDb: AnyDb, chatId: string, now = Date.now()): Promise<void> {
  const db: MessengerDb = anyDb;
  await db.updateTable('msg_chats').set({ updated_at: now }).where('id', '=', chatId).execute();
}
