import type { Kysely } from 'kysely';
import type { MessengerTables } from './tables.js';

/**
 * Tables the message use cases add (migration 20261121T1130): which files a message carries,
 * so chat members may download them, and who a message mentions, so "mentions of me" is an
 * index lookup rather than a scan of every message's JSON.
 */
export interface MessageExtraTables {
  msg_message_files: {
    message_id: string;
    chat_id: string;
    file_id: string;
  };
  msg_mentions: {
    message_id: string;
    chat_id: string;
    /** A user id, or `all` for @all. */
    user_id: string;
    seq: number;
    created_at: number;
  };
}

export type MsgDb = Kysely<MessengerTables & MessageExtraTables>;
