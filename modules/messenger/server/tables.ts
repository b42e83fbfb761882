import type { ColumnType, Kysely } from 'kysely';
import type { NotifyLevel } from '../shared/types.js';

/** Tables the messenger owns. */
export interface MessengerTables {
  msg_chats: {
    id: string;
    kind: 'direct' | 'group' | 'department' | 'channel';
    name: string;
    description: string;
    avatar_file_id: string | null;
    /** Groups: `public` ones can be found and joined by any member; others are invite-only. */
    visibility: 'private' | 'public';
    owner_id: string | null;
    /** Department groups: membership follows this department's subtree. */
    department_id: string | null;
    /** Direct chats: the two user ids sorted and joined with ':', unique, so a pair has one chat. */
    direct_key: string | null;
    /**
     * JSON `{"all":true}` or `{"departmentIds":[…]}` for chats whose members follow the org
     * (department groups, announcement channels); null otherwise. Migration 20261121T1140.
     */
    scope: string | null;
    /** JSON ChatSettings (who may add members, history for new members, who may @all). */
    settings: string;
    /** JSON { text, updatedBy, updatedAt } or null: the pinned group announcement. */
    announcement: string | null;
    /** Sequence number of the newest message; the next message gets last_seq + 1. */
    last_seq: number;
    /**
     * The highest visible_from_seq among the members (0 when everyone sees the whole history):
     * live events about messages at or below it carry no content (server/visibility.ts).
     * Migration 20261202T0900.
     */
    history_floor: number;
    last_message_at: number | null;
    created_by: string;
    created_at: number;
    updated_at: number;
    archived_at: number | null;
  };
  msg_members: {
    chat_id: string;
    user_id: string;
    role: 'owner' | 'admin' | 'member' | 'subscriber';
    joined_at: number;
    /** Messages with seq above this are visible to the member (0 when full history is shown). */
    visible_from_seq: number;
    /** Highest seq the member has read. */
    read_seq: number;
    /** 1 exactly when notify_level is `nothing` (the old mute flag, kept for its readers). */
    muted: number;
    /** Defaults to `all` on insert. */
    notify_level: ColumnType<NotifyLevel, NotifyLevel | undefined, NotifyLevel>;
    /** For department groups: 1 when added by the department sync rather than by a person. */
    synced: number;
  };
  msg_messages: {
    id: string;
    chat_id: string;
    seq: number;
    sender_id: string;
    /** The sender's idempotency key: a retried send with the same key returns the first message. */
    client_id: string;
    /** What the key was given for: unique per (chat, sender, op, client_id). Migration 20261202T0910. */
    client_op: 'send' | 'forward';
    /** Message type; the registry (shared/message-types.ts) knows how to validate each. */
    kind: string;
    /** JSON content, validated by the kind's schema and sanitized on the server. */
    content: string;
    /** Plain text of the content, for notifications, search and previews. */
    text: string;
    /** JSON array of mentioned user ids; `"all"` for @all. */
    mentions: string;
    reply_to_id: string | null;
    thread_root_id: string | null;
    thread_reply_count: number;
    thread_last_reply_at: number | null;
    /** JSON { chatId, messageId, senderId } when forwarded. */
    forwarded_from: string | null;
    created_at: number;
    edited_at: number | null;
    recalled_at: number | null;
  };
  msg_reactions: {
    message_id: string;
    user_id: string;
    emoji: string;
    created_at: number;
  };
  msg_pins: {
    chat_id: string;
    message_id: string;
    pinned_by: string;
    pinned_at: number;
  };
  msg_thread_follows: {
    user_id: string;
    root_message_id: string;
    chat_id: string;
    last_read_reply_at: number;
  };
  /** A person's notification inbox: DMs, @mentions, replies. */
  msg_inbox: {
    id: string;
    user_id: string;
    kind: 'direct' | 'mention' | 'reply';
    chat_id: string;
    message_id: string;
    created_at: number;
    read_at: number | null;
  };
  /** Organization-wide messenger settings, one row (id = 'org'). */
  msg_settings: {
    id: string;
    /** How long after sending a message may still be edited or recalled. */
    edit_window_ms: number;
  };
}

export type MessengerDb = Kysely<MessengerTables>;
