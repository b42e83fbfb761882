import { sql } from 'kysely';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { AppError } from '../../../platform/shared/errors.js';
import { newId, type UserId } from '../../../platform/shared/ids.js';
import { messengerErrors } from '../shared/errors.js';
import { type ChatSettings, DEFAULT_CHAT_SETTINGS, type MessageView } from '../shared/types.js';
import { type ChatRow, isChatAdmin, type MemberRow, mayPost, requireMembership } from './access.js';
import { type CheckedContent, checkContent } from './message-content.js';
import { messageEvent, publishChat, publishUsers } from './message-events.js';
import { attachFiles } from './message-files.js';
import { lockUnrecalled } from './message-guards.js';
import type { MsgDb } from './message-tables.js';
import type { MessageTypeRegistry } from './message-type-registry.js';
import { buildView, type MessageRow, toMessageView } from './message-view.js';
import { createInboxItems, type InboxItemView, type InboxKind } from './inbox.js';
import { insertMentions } from './mention-rows.js';
import { createdOrder, type SeqClaim } from './publish-order.js';
import { chunks } from './sql-batches.js';
import { mayReadSeq } from './visibility.js';

/** What a sender provides; the HTTP body of sendMessage plus what internal callers may set. */
export interface PostInput {
  /**
   * The sender's idempotency key: the same key in the same chat returns the first message (for
   * the same payload; see requireSamePayload). Sends and forwards have separate keys.
   */
  clientId: string;
  kind: string;
  content: unknown;
  replyToId?: string;
  threadRootId?: string;
  /** Set by forwarding: where the message came from (its mentions no longer notify anyone). */
  forwardedFrom?: { chatId: string; messageId: string; senderId: string };
  /** Server-side callers only (system notices): allow kinds with `userSendable: false`. */
  allowServerKinds?: boolean;
  /** Demo data only: when the message was sent (ms); defaults to now. */
  createdAt?: number;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Which operation an idempotency key belongs to: a send and a forward never share one. */
export function clientOpOf(input: Pick<PostInput, 'forwardedFrom'>): MessageRow['client_op'] {
  return input.forwardedFrom ? 'forward' : 'send';
}

async function findByClientId(db: MsgDb, chatId: string, senderId: string, input: PostInput) {
  return db
    .selectFrom('msg_messages')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('sender_id', '=', senderId)
    .where('client_op', '=', clientOpOf(input))
    .where('client_id', '=', input.clientId)
    .executeTakeFirst();
}

/**
 * A retry returns the first message only when it asks for the same thing; a client id reused
 * for something else is `message.client_id_reused` rather than a silent answer with another
 * message. A forward is the same when it forwards the same message; a send when kind, reply,
 * thread and content agree (content unless the message was edited since, which a late retry
 * of the original must not trip over).
 */
function requireSamePayload(existing: MessageRow, input: PostInput, checked: CheckedContent): MessageRow {
  const same = input.forwardedFrom
    ? existing.forwarded_from !== null &&
      (JSON.parse(existing.forwarded_from) as { messageId: string }).messageId === input.forwardedFrom.messageId
    : existing.kind === checked.type.kind &&
      existing.reply_to_id === (input.replyToId ?? null) &&
      (existing.thread_root_id !== null) === Boolean(input.threadRootId) &&
      (existing.edited_at !== null || existing.content === JSON.stringify(checked.content));
  if (!same) throw new AppError(messengerErrors['message.client_id_reused']);
  return existing;
}

/** A message of this chat the member can see, or message.not_found. */
async function visibleInChat(db: MsgDb, chatId: string, member: MemberRow, messageId: string): Promise<MessageRow> {
  const row = await db
    .selectFrom('msg_messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('chat_id', '=', chatId)
    .executeTakeFirst();
  if (!row || !mayReadSeq(member, row.seq)) throw new AppError(messengerErrors['message.not_found']);
  return row;
}

function settingsOf(chat: ChatRow): ChatSettings {
  return { ...DEFAULT_CHAT_SETTINGS, ...(JSON.parse(chat.settings) as Partial<ChatSettings>) };
}

/** Who gets an inbox item: the DM peer, mentioned members (@all: all unmuted), the replied-to author, thread followers. */
async function recipientsOf(
  db: MsgDb,
  chat: ChatRow,
  senderId: string,
  mentions: string[],
  replyTo: MessageRow | undefined,
  threadRootId: string | null,
  seq: number,
): Promise<Map<string, InboxKind>> {
  const wanted = new Map<string, InboxKind>();
  const rank: Record<InboxKind, number> = { direct: 0, reply: 1, mention: 2 };
  const want = (userId: string, kind: InboxKind) => {
    const had = wanted.get(userId);
    if (!had || rank[kind] > rank[had]) wanted.set(userId, kind);
  };
  const atAll = mentions.includes('all');
  if (replyTo) want(replyTo.sender_id, 'reply');
  if (threadRootId) {
    const followers = await db
      .selectFrom('msg_thread_follows')
      .select('user_id')
      .where('root_message_id', '=', threadRootId)
      .execute();
    for (const f of followers) want(f.user_id, 'reply');
  }
  for (const m of mentions) if (m !== 'all') want(m, 'mention');
  if (chat.kind !== 'direct' && !atAll && wanted.size === 0) return wanted;

  // Only people still in the chat are notified; @all reaches every unmuted member. An inbox
  // item quotes the message, so it goes only to members who may read it (visibility.ts).
  const q = () =>
    db
      .selectFrom('msg_members')
      .select(['user_id', 'muted', 'visible_from_seq'])
      .where('chat_id', '=', chat.id)
      .where('user_id', '!=', senderId);
  const members =
    chat.kind !== 'direct' && !atAll
      ? (await Promise.all(chunks([...wanted.keys()]).map((ids) => q().where('user_id', 'in', ids).execute()))).flat()
      : await q().execute();
  const out = new Map<string, InboxKind>();
  for (const m of members) {
    if (!mayReadSeq(m, seq)) continue;
    const kind = wanted.get(m.user_id);
    if (kind) out.set(m.user_id, kind);
    else if (atAll && !m.muted) out.set(m.user_id, 'mention');
    else if (chat.kind === 'direct') out.set(m.user_id, 'direct');
  }
  return out;
}

interface Written {
  row: MessageRow;
  created: boolean;
  visibleFromSeq: number;
  replyTo?: MessageRow;
  inbox: { userId: string; item: InboxItemView }[];
  /** The chat's history floor, read from the chat row the send locks (see postMessage). */
  floor?: number;
}

async function write(
  anyDb: AnyDb,
  senderId: string,
  chatId: string,
  input: PostInput,
  checked: CheckedContent,
  onSeq: (seq: number) => void,
): Promise<Written> {
  const db: MsgDb = anyDb;
  const { chat, member } = await requireMembership(db, { userId: senderId as UserId }, chatId);
  const existing = await findByClientId(db, chatId, senderId, input);
  if (existing) {
    const row = requireSamePayload(existing, input, checked);
    return { row, created: false, visibleFromSeq: member.visible_from_seq, inbox: [] };
  }

  if (!mayPost(chat, member, Boolean(input.threadRootId))) throw new AppError(messengerErrors['chat.read_only']);
  const mentions = input.forwardedFrom ? [] : checked.mentions;
  if (mentions.includes('all') && (settingsOf(chat).atAll === 'admins' || chat.kind === 'channel') && !isChatAdmin(member)) {
    throw new AppError(messengerErrors['message.at_all_forbidden']);
  }
  const replyTo = input.replyToId ? await visibleInChat(db, chatId, member, input.replyToId) : undefined;
  let root = input.threadRootId ? await visibleInChat(db, chatId, member, input.threadRootId) : undefined;
  // A reply to a reply belongs to the same thread: threads are one level deep.
  if (root?.thread_root_id) root = await visibleInChat(db, chatId, member, root.thread_root_id);
  if (root?.recalled_at) throw new AppError(messengerErrors['message.recalled']);

  const now = input.createdAt ?? Date.now();
  // The chat row is the per-chat sequence: the update locks it (Postgres) so concurrent sends
  // get consecutive numbers in commit order; a failed send rolls its number back (no gaps).
  const { last_seq: seq, history_floor: floor } = await db
    .updateTable('msg_chats')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_at: now }))
    .where('id', '=', chatId)
    .returning(['last_seq', 'history_floor'])
    .executeTakeFirstOrThrow();
  onSeq(Number(seq));

  const row: MessageRow = {
    id: newId('msg'),
    chat_id: chatId,
    seq: Number(seq),
    sender_id: senderId,
    client_id: input.clientId,
    client_op: clientOpOf(input),
    kind: checked.type.kind,
    content: JSON.stringify(checked.content),
    text: checked.text,
    mentions: JSON.stringify(mentions),
    reply_to_id: replyTo?.id ?? null,
    thread_root_id: root?.id ?? null,
    thread_reply_count: 0,
    thread_last_reply_at: null,
    forwarded_from: input.forwardedFrom ? JSON.stringify(input.forwardedFrom) : null,
    created_at: now,
    edited_at: null,
    recalled_at: null,
  };
  // Still a member (and still allowed to post) now that the chat row is locked: a removal or a
  // demotion that committed since the check above wins. The update also holds the member row, so
  // one still running waits for this send (message-guards.ts explains the locking).
  await requireStillPosting(db, chat, senderId, row.seq, Boolean(root));
  // A forward copies its source: a recall of the source committed since the check wins.
  if (input.forwardedFrom) await lockUnrecalled(db, input.forwardedFrom.messageId);
  await db.insertInto('msg_messages').values(row).execute();
  await attachFiles(db, senderId, chatId, row.id, checked.fileIds);
  await insertMentions(db, row, mentions);
  if (root) await bumpThread(db, root, senderId, now);

  const recipients = await recipientsOf(db, chat, senderId, mentions, replyTo, root?.id ?? null, row.seq);
  const inbox = await createInboxItems(db, row, recipients);
  return { row, created: true, visibleFromSeq: member.visible_from_seq, replyTo, inbox, floor: Number(floor) };
}

/**
 * Writing in a chat means having read it, so the sender's read position moves to their message;
 * the same UPDATE re-checks, under the row lock, that they are still a member allowed to post.
 */
async function requireStillPosting(db: MsgDb, chat: ChatRow, senderId: string, seq: number, inThread: boolean) {
  const member = await db
    .updateTable('msg_members')
    .set({ read_seq: sql<number>`case when read_seq < ${seq} then ${seq} else read_seq end` })
    .where('chat_id', '=', chat.id)
    .where('user_id', '=', senderId)
    .returning('role')
    .executeTakeFirst();
  if (!member) throw new AppError(messengerErrors['chat.not_found']);
  if (!mayPost(chat, member, inThread)) throw new AppError(messengerErrors['chat.read_only']);
}

/** Counts the reply on its root; the replier follows the thread, and so does the root's author from the first reply. */
async function bumpThread(db: MsgDb, root: MessageRow, senderId: string, now: number): Promise<void> {
  // Guarded in the write: a recall of the root that committed since the check refuses the reply.
  const bumped = await db
    .updateTable('msg_messages')
    .set((eb) => ({ thread_reply_count: eb('thread_reply_count', '+', 1), thread_last_reply_at: now }))
    .where('id', '=', root.id)
    .where('recalled_at', 'is', null)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) throw new AppError(messengerErrors['message.recalled']);
  await db
    .insertInto('msg_thread_follows')
    .values({ user_id: senderId, root_message_id: root.id, chat_id: root.chat_id, last_read_reply_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'root_message_id']).doUpdateSet({ last_read_reply_at: now }))
    .execute();
  if (root.thread_reply_count === 0 && root.sender_id !== senderId) {
    await db
      .insertInto('msg_thread_follows')
      .values({ user_id: root.sender_id, root_message_id: root.id, chat_id: root.chat_id, last_read_reply_at: 0 })
      .onConflict((oc) => oc.columns(['user_id', 'root_message_id']).doNothing())
      .execute();
  }
}

/**
 * Sends a message as `senderId` — the send use case without HTTP (demo data, benchmarks,
 * forwarding, other modules). Checks membership, posting rights, kind, content, length,
 * @all, files; is idempotent per (chat, sender, clientId); assigns the next per-chat seq;
 * writes inbox items; publishes `message.created` on `chat:<id>` after the commit.
 */
export async function postMessage(
  ctx: AppContext,
  registry: MessageTypeRegistry,
  senderId: string,
  chatId: string,
  input: PostInput,
): Promise<MessageView> {
  const checked = checkContent(registry, input.kind, input.content, { allowServerKinds: input.allowServerKinds });
  let written: Written;
  let claim: SeqClaim | undefined;
  try {
    written = await ctx.db.transaction().execute((tx) =>
      write(tx, senderId, chatId, input, checked, (seq) => {
        claim = createdOrder.claim(chatId, seq);
      }),
    );
  } catch (err) {
    if (claim) createdOrder.abandon(claim);
    // Two retries raced past the lookup: the loser's transaction (and its seq) rolled back.
    if (!isUniqueViolation(err)) throw err;
    const db: MsgDb = ctx.db;
    const { member } = await requireMembership(db, { userId: senderId as UserId }, chatId);
    const existing = await findByClientId(db, chatId, senderId, input);
    if (!existing) throw err;
    const row = requireSamePayload(existing, input, checked);
    written = { row, created: false, visibleFromSeq: member.visible_from_seq, inbox: [] };
  }
  if (!written.created) {
    return toMessageView(ctx.db, written.row, { viewerId: senderId, visibleFromSeq: written.visibleFromSeq });
  }
  const replies = new Map(written.replyTo ? [[written.replyTo.id, written.replyTo]] : []);
  const view = (viewerId: string | null, visibleFromSeq: number) =>
    buildView(written.row, { reactions: [], pinnedIds: new Set(), replies }, { viewerId, visibleFromSeq });
  // In seq order per chat (publish-order.ts); the floor came with the locked chat row, so the
  // event is built without a query.
  let event: ReturnType<typeof messageEvent>;
  try {
    event = messageEvent(written.row, 'message.created', (floor) => view(null, floor), written.floor ?? 0);
  } catch (err) {
    // A claim left in line would hold back every later message of this chat on this node.
    if (claim) createdOrder.abandon(claim);
    throw err;
  }
  await new Promise<void>((resolve) => {
    const publish = () => {
      void publishChat(ctx, chatId, event).finally(resolve);
    };
    if (claim) createdOrder.release(claim, publish);
    else publish();
  });
  await publishUsers(
    ctx,
    written.inbox.map(({ userId, item }) => ({ userId, event: { type: 'messenger.inbox' as const, item } })),
  );
  return view(senderId, written.visibleFromSeq);
}
