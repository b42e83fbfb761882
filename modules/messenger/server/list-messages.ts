import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { requireMembership } from './access.js';
import { requireVisibleMessage } from './find-message.js';
import type { MsgDb } from './message-tables.js';
import { type MessageRow, toMessageViews } from './message-view.js';

export interface HistoryQuery {
  before?: number;
  after?: number;
  around?: string;
  limit: number;
}

/**
 * A page of history, always in ascending seq: the latest messages, those before or after a seq,
 * or the context around one message (jump-to-message). Only seq > the member's visible_from_seq
 * is ever read. Seqs have no gaps, so "more before/after" follows from the page's edges.
 */
export async function listMessagesUseCase(anyDb: AnyDb, caller: Caller, chatId: string, query: HistoryQuery) {
  const db: MsgDb = anyDb;
  const { chat, member } = await requireMembership(db, caller, chatId);
  const floor = member.visible_from_seq;
  const base = () => db.selectFrom('msg_messages').selectAll().where('chat_id', '=', chatId).where('seq', '>', floor);
  const older = (below: number, n: number) => base().where('seq', '<', below).orderBy('seq', 'desc').limit(n).execute();
  const newer = (from: number, n: number) => base().where('seq', '>=', from).orderBy('seq', 'asc').limit(n).execute();

  let rows: MessageRow[];
  if (query.around) {
    const { message } = await requireVisibleMessage(db, caller, query.around);
    // A message of another chat the caller can see is still not part of this history.
    if (message.chat_id !== chatId) throw new AppError(messengerErrors['message.not_found']);
    const half = Math.floor(query.limit / 2);
    const [before, after] = await Promise.all([older(message.seq, half), newer(message.seq, query.limit - half)]);
    rows = [...before.reverse(), ...after];
  } else if (query.after !== undefined) {
    rows = await newer(query.after + 1, query.limit);
  } else {
    rows = (await older(query.before ?? Number.MAX_SAFE_INTEGER, query.limit)).reverse();
  }
  const lastSeq = Number(chat.last_seq);
  const first = rows[0]?.seq;
  const last = rows[rows.length - 1]?.seq;
  // An empty page: `after` ran past the end (older ones exist), `before` ran past the start (newer ones exist).
  const anyVisible = lastSeq > floor;
  const hasMoreBefore = first !== undefined ? first > floor + 1 : anyVisible && query.after !== undefined;
  const hasMoreAfter = last !== undefined ? last < lastSeq : anyVisible && query.before !== undefined;
  return {
    items: await toMessageViews(db, rows, { viewerId: caller.userId, visibleFromSeq: floor }),
    hasMoreBefore,
    hasMoreAfter,
  };
}
