import { sql } from 'kysely';
import { type AnyDb, dialectOf } from '../../../platform/server/db/database.js';
import { newId } from '../../../platform/shared/ids.js';
import { DEFAULT_CHAT_SETTINGS } from '../shared/types.js';
import type { MessengerDb } from './tables.js';

export interface SeedHistoryInput {
  name: string;
  ownerId: string;
  /** Further members besides the owner. */
  memberIds?: string[];
  /** People who take turns sending (default: the owner). */
  senderIds?: string[];
  messages: number;
  /** Rows per INSERT … SELECT statement, each its own transaction. */
  chunk?: number;
}

/**
 * Bulk-writes a group with `messages` plain-text messages, seqs 1..messages, for benchmarks and
 * load tests: set-based INSERT … SELECT over a generated series, so a million messages take
 * seconds rather than the minutes a million sends would. Skips everything a real send does
 * besides the rows (inbox, events, previews); never use it for user-visible data.
 */
export async function seedChatHistory(anyDb: AnyDb, input: SeedHistoryInput): Promise<string> {
  const db: MessengerDb = anyDb;
  const chatId = newId('chat');
  const now = Date.now();
  const total = input.messages;
  const start = now - total; // one message per millisecond, ending now
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('msg_chats')
      .values({
        id: chatId,
        kind: 'group',
        name: input.name,
        description: '',
        avatar_file_id: null,
        visibility: 'private',
        owner_id: input.ownerId,
        department_id: null,
        direct_key: null,
        settings: JSON.stringify(DEFAULT_CHAT_SETTINGS),
        announcement: null,
        last_seq: total,
        history_floor: 0,
        last_message_at: now,
        created_by: input.ownerId,
        created_at: start,
        updated_at: now,
        archived_at: null,
      })
      .execute();
    const members = [input.ownerId, ...(input.memberIds ?? []).filter((id) => id !== input.ownerId)];
    for (let i = 0; i < members.length; i += 500) {
      await tx
        .insertInto('msg_members')
        .values(
          members.slice(i, i + 500).map((userId, k) => ({
            chat_id: chatId,
            user_id: userId,
            role: i + k === 0 ? ('owner' as const) : ('member' as const),
            joined_at: start,
            visible_from_seq: 0,
            read_seq: total,
            muted: 0,
            synced: 0,
          })),
        )
        .execute();
    }
  });

  const senders = input.senderIds?.length ? input.senderIds : [input.ownerId];
  // Ids: a fixed 16-character stem and the seq in 10 digits (digits are Crockford base32 too).
  const stem = newId('msg').slice(4, 20);
  const sender = sql.join(
    senders.map((s, k) => sql`when ${k} then ${s}`),
    sql` `,
  );
  const chunk = input.chunk ?? 100_000;
  const postgres = dialectOf(anyDb) === 'postgres';
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    const padded = postgres ? sql`lpad(i::text, 10, '0')` : sql`substr('0000000000' || i, -10)`;
    const columns = sql`(id, chat_id, seq, sender_id, client_id, kind, content, text, mentions, thread_reply_count, created_at)`;
    const select = sql`select 'msg_' || ${stem} || ${padded}, ${chatId}, i, case (i % ${senders.length}) ${sender} end,
        'seed-' || i, 'text', '{"text":"message ' || i || '"}', 'message ' || i, '[]', 0, ${start} + i`;
    if (postgres) {
      await sql`insert into msg_messages ${columns} ${select} from generate_series(${from}::bigint, ${to}::bigint) as g(i)`.execute(
        db,
      );
    } else {
      await sql`with recursive n(i) as (select cast(${from} as integer) union all select i + 1 from n where i < cast(${to} as integer))
        insert into msg_messages ${columns} ${select} from n`.execute(db);
    }
  }
  return chatId;
}
