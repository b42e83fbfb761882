import type { AnyDb } from '../../../platform/server/db/database.js';
import type { MsgDb } from './message-tables.js';

/**
 * Per chat: messages mentioning me (or @all) that I have not read yet, by the same rule as the
 * "mentions of me" list (others' messages, not recalled, within my visible history).
 */
export async function unreadMentionsByChat(anyDb: AnyDb, viewerId: string, chatIds: string[]): Promise<Map<string, number>> {
  if (chatIds.length === 0) return new Map();
  const db: MsgDb = anyDb;
  const rows = await db
    .selectFrom('msg_mentions as mn')
    .innerJoin('msg_members as mem', (j) => j.onRef('mem.chat_id', '=', 'mn.chat_id').on('mem.user_id', '=', viewerId))
    .innerJoin('msg_messages as m', 'm.id', 'mn.message_id')
    .select(['mn.chat_id', (eb) => eb.fn.count<number>('mn.message_id').distinct().as('n')])
    .where('mn.chat_id', 'in', chatIds)
    .where('mn.user_id', 'in', [viewerId, 'all'])
    .whereRef('mn.seq', '>', 'mem.visible_from_seq')
    .whereRef('mn.seq', '>', 'mem.read_seq')
    .where('m.recalled_at', 'is', null)
    .where('m.sender_id', '!=', viewerId)
    .groupBy('mn.chat_id')
    .execute();
  return new Map(rows.map((r) => [r.chat_id, Number(r.n)]));
}
