import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import type { MsgDb } from './message-tables.js';

/*
 * "Not recalled" must hold when a write lands, not only when the request began: a recall that
 * commits in between would otherwise get its pins, reactions or mentions back. These guards are
 * UPDATEs on the message row, so inside a transaction they hold its row lock until commit
 * (PostgreSQL: a racing recall waits, or the guard re-reads the recalled row after the recall's
 * commit and matches nothing); SQLite runs one write transaction at a time anyway.
 * Lock order is always chat row before message row (send, thread reply, forward), and the
 * message-only writers (edit, recall, pin, react) never take a chat row, so no cycle exists.
 */

/** Locks the message row for the rest of the transaction; `message.recalled` if it is recalled. */
export async function lockUnrecalled(tx: MsgDb, messageId: string): Promise<void> {
  const result = await tx
    .updateTable('msg_messages')
    .set((eb) => ({ recalled_at: eb.ref('recalled_at') }))
    .where('id', '=', messageId)
    .where('recalled_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError(messengerErrors['message.recalled']);
}
