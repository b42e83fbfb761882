import type { AnyDb } from '../../../platform/server/db/database.js';
import type { MessageRow } from './message-view.js';
import { chunks } from './sql-batches.js';
import type { MessengerDb } from './tables.js';

/**
 * "Forwarded from <chat>": the names of the chats a page's forwards came from, for one reader,
 * under the chat rule of findChatFor — a chat they are a member of, or a public group. Any other
 * source stays unnamed (a private chat's name is not leaked by forwarding out of it). Direct
 * chats have no name of their own and are left out.
 */
export async function forwardSourceNames(anyDb: AnyDb, viewerId: string, rows: MessageRow[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.flatMap((r) => (r.forwarded_from ? [(JSON.parse(r.forwarded_from) as { chatId: string }).chatId] : []))),
  ];
  const names = new Map<string, string>();
  const db: MessengerDb = anyDb;
  for (const chunk of chunks(ids)) {
    const found = await db
      .selectFrom('msg_chats as c')
      .leftJoin('msg_members as m', (j) => j.onRef('m.chat_id', '=', 'c.id').on('m.user_id', '=', viewerId))
      .select(['c.id', 'c.name'])
      .where('c.id', 'in', chunk)
      .where('c.archived_at', 'is', null)
      .where('c.kind', '!=', 'direct')
      .where((eb) =>
        eb.or([eb('m.user_id', 'is not', null), eb.and([eb('c.kind', '=', 'group'), eb('c.visibility', '=', 'public')])]),
      )
      .execute();
    for (const c of found) if (c.name) names.set(c.id, c.name);
  }
  return names;
}
