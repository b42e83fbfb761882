import type { AnyDb } from '../../../platform/server/db/database.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { requireVisibleMessage } from './find-message.js';
import { toMessageView } from './message-view.js';

/**
 * GET /api/messages/:messageId: one message under the same visibility rule as history pages.
 * Clients call it when a live `message.changed` reference tells them a message they hold changed.
 */
export async function getMessageUseCase(db: AnyDb, caller: Caller, messageId: string) {
  const { message, member } = await requireVisibleMessage(db, caller, messageId);
  return toMessageView(db, message, { viewerId: caller.userId, visibleFromSeq: member.visible_from_seq });
}
