import type { AnyDb } from '../../../platform/server/db/database.js';
import type { MemberRow } from './access.js';
import type { MessengerDb } from './tables.js';

/*
 * Who may read which message: the one rule behind every HTTP read (requireVisibleMessage,
 * history pages, pins, receipts, inbox) and every live event. A member reads the messages of
 * their chat whose seq is above their visible_from_seq — 0 when the group shows its history to
 * newcomers, the chat's last seq at joining when it hides it. List queries apply the same
 * comparison in SQL (`m.seq > mem.visible_from_seq`).
 */

/** True when the member may read the message with this seq. */
export function mayReadSeq(member: Pick<MemberRow, 'visible_from_seq'>, seq: number): boolean {
  return seq > Number(member.visible_from_seq);
}

/**
 * The highest visible_from_seq among the chat's current members: a message above it is readable
 * by every member, so it may be broadcast on `chat:<id>`; one at or below it is not. Kept on the
 * chat row (`history_floor`, raised by joins and recomputed by removals in member-writes.ts), so
 * a send reads it from the row it locks anyway.
 */
export async function strictestFloor(anyDb: AnyDb, chatId: string): Promise<number> {
  const db: MessengerDb = anyDb;
  const row = await db.selectFrom('msg_chats').select('history_floor').where('id', '=', chatId).executeTakeFirst();
  return Number(row?.history_floor ?? 0);
}
