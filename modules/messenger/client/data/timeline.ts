import { useSyncExternalStore } from 'react';
import { api } from '../../../../platform/client/api.js';
import { listMessages } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';

/*
 * The messages of each open chat, outside React Query: a window of the history that grows
 * backwards (infinite scroll), can jump to an older message (jump-to-message) and takes live
 * messages at the end, deduplicated by id. Thread replies live in their thread, not here.
 */

export interface PendingMessage {
  clientId: string;
  kind: string;
  content: unknown;
  text: string;
  replyTo: MessageView | null;
  threadRootId: string | null;
  status: 'sending' | 'failed';
  createdAt: string;
}

export interface Timeline {
  items: MessageView[];
  pending: PendingMessage[];
  /** Nothing loaded yet. */
  loading: boolean;
  loadingBefore: boolean;
  hasMoreBefore: boolean;
  /** The window ends before the newest message (after a jump): live messages are not appended. */
  hasMoreAfter: boolean;
  error: unknown;
  /** Bumped when the window is replaced (jump, reload), so the view re-anchors its scroll. */
  epoch: number;
  /** A message to scroll to and highlight. */
  focusId: string | null;
  /** The read position when the chat was opened: a "New messages" line goes above the first message after it. */
  unreadAfter: number | null;
  /** The window was loaded to open at that line: the view scrolls there instead of to the bottom. */
  anchorUnread: boolean;
}

const EMPTY: Timeline = {
  items: [],
  pending: [],
  loading: true,
  loadingBefore: false,
  hasMoreBefore: false,
  hasMoreAfter: false,
  error: null,
  epoch: 0,
  focusId: null,
  unreadAfter: null,
  anchorUnread: false,
};

const PAGE = 50;
/** How many seqs before the first unread message an unread window starts, so what was read last shows above the line. */
const READ_CONTEXT = 5;
const store = new Map<string, Timeline>();
const listeners = new Map<string, Set<() => void>>();
const started = new Set<string>();

function get(chatId: string): Timeline {
  return store.get(chatId) ?? EMPTY;
}

/** The chat's timeline as it is now (outside React). */
export const getTimeline = get;

function set(chatId: string, change: (t: Timeline) => Partial<Timeline>) {
  const prev = get(chatId);
  store.set(chatId, { ...prev, ...change(prev) });
  for (const l of listeners.get(chatId) ?? []) l();
}

const mainOnly = (items: MessageView[]) => items.filter((m) => !m.threadRootId);

function merge(existing: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of mainOnly(incoming)) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

const chatParams = (chatId: string) => ({ chatId: chatId as `chat_${string}` });

/** The newest page (first open, "jump to latest", or a reload after a long gap). */
export async function loadLatest(chatId: string) {
  started.add(chatId);
  try {
    const page = await api(listMessages, { params: chatParams(chatId), query: { limit: PAGE } });
    set(chatId, (t) => ({
      items: mainOnly(page.items),
      loading: false,
      hasMoreBefore: page.hasMoreBefore,
      hasMoreAfter: false,
      error: null,
      epoch: t.epoch + 1,
      focusId: null,
      anchorUnread: false,
    }));
  } catch (error) {
    set(chatId, () => ({ loading: false, error }));
  }
}

/** Infinite scroll backwards. */
export async function loadBefore(chatId: string) {
  const t = get(chatId);
  if (t.loadingBefore || !t.hasMoreBefore || t.items.length === 0) return;
  set(chatId, () => ({ loadingBefore: true }));
  try {
    const page = await api(listMessages, { params: chatParams(chatId), query: { before: t.items[0].seq, limit: PAGE } });
    set(chatId, (cur) => ({ items: merge(cur.items, page.items), hasMoreBefore: page.hasMoreBefore, loadingBefore: false }));
  } catch (error) {
    set(chatId, () => ({ loadingBefore: false, error }));
  }
}

/**
 * Fills the window up to the newest message after a gap or a reconnect (or scrolling down
 * after a jump), from the last seq we have.
 */
export async function loadAfter(chatId: string) {
  if (!started.has(chatId)) return;
  for (let round = 0; round < 20; round++) {
    const t = get(chatId);
    const last = t.items[t.items.length - 1];
    if (!last) return loadLatest(chatId);
    const page = await api(listMessages, { params: chatParams(chatId), query: { after: last.seq, limit: 200 } });
    set(chatId, (cur) => ({ items: merge(cur.items, page.items), hasMoreAfter: page.hasMoreAfter }));
    if (!page.hasMoreAfter) return;
  }
}

/** Jump-to-message: a window around it, scrolled to and highlighted. */
export async function loadAround(chatId: string, messageId: string) {
  started.add(chatId);
  const t = get(chatId);
  if (t.items.some((m) => m.id === messageId)) {
    set(chatId, () => ({ focusId: messageId }));
    return;
  }
  set(chatId, () => ({ loading: true }));
  try {
    const page = await api(listMessages, {
      params: chatParams(chatId),
      query: { around: messageId as `msg_${string}`, limit: PAGE },
    });
    set(chatId, (cur) => ({
      items: mainOnly(page.items),
      loading: false,
      hasMoreBefore: page.hasMoreBefore,
      hasMoreAfter: page.hasMoreAfter,
      error: null,
      epoch: cur.epoch + 1,
      focusId: messageId,
      anchorUnread: false,
    }));
  } catch (error) {
    set(chatId, () => ({ loading: false, error }));
  }
}

export function clearFocus(chatId: string) {
  if (get(chatId).focusId) set(chatId, () => ({ focusId: null }));
}

/** Opens a chat: the newest page the first time, a catch-up from the last seq after that. */
export function ensureLoaded(chatId: string) {
  if (!started.has(chatId)) void loadLatest(chatId);
  else void loadAfter(chatId).catch(() => {});
}

/**
 * Opens a chat where its reader left off: with unread messages, at the first of them under a
 * "New messages" line (the newest page when it holds them all, else a page starting just
 * above the line); without, as `ensureLoaded` does.
 */
export function openChat(chatId: string, readSeq: number, lastSeq: number) {
  if (lastSeq <= readSeq) {
    const t = get(chatId);
    if (t.unreadAfter !== null || t.anchorUnread) set(chatId, () => ({ unreadAfter: null, anchorUnread: false }));
    ensureLoaded(chatId);
    return;
  }
  void loadUnread(chatId, readSeq, lastSeq);
}

async function loadUnread(chatId: string, readSeq: number, lastSeq: number) {
  started.add(chatId);
  // Loading: an older window still on screen must not count as read.
  set(chatId, () => ({ loading: true }));
  const query = lastSeq - readSeq <= PAGE - READ_CONTEXT ? { limit: PAGE } : { after: Math.max(0, readSeq - READ_CONTEXT), limit: PAGE };
  try {
    const page = await api(listMessages, { params: chatParams(chatId), query });
    set(chatId, (t) => ({
      items: mainOnly(page.items),
      loading: false,
      hasMoreBefore: page.hasMoreBefore,
      hasMoreAfter: page.hasMoreAfter,
      error: null,
      epoch: t.epoch + 1,
      focusId: null,
      unreadAfter: readSeq,
      anchorUnread: true,
    }));
  } catch (error) {
    set(chatId, () => ({ loading: false, error }));
  }
}

/**
 * A live or just-sent message: added once (by id), or replacing its older version. Its
 * "sending" copy leaves in every case, thread replies included: the saved one shows instead.
 */
export function upsertMessage(message: MessageView) {
  const pending = (t: Timeline) => t.pending.filter((p) => p.clientId !== message.clientId);
  if (message.threadRootId) {
    set(message.chatId, (t) => ({ pending: pending(t), items: withReply(t.items, message) }));
    return;
  }
  if (!started.has(message.chatId)) {
    if (get(message.chatId).pending.length) set(message.chatId, (t) => ({ pending: pending(t) }));
    return;
  }
  set(message.chatId, (t) => {
    const known = t.items.some((m) => m.id === message.id);
    // After a jump the window may end long before this message: leave it to "jump to latest".
    if (!known && t.hasMoreAfter) return { pending: pending(t) };
    return { items: merge(t.items, [message]), pending: pending(t) };
  });
}

/** A new thread reply shows on its root at once (unless the root's own update already counted it). */
function withReply(items: MessageView[], reply: MessageView): MessageView[] {
  return items.map((m) =>
    m.id === reply.threadRootId && (!m.threadLastReplyAt || m.threadLastReplyAt < reply.createdAt)
      ? { ...m, threadReplyCount: m.threadReplyCount + 1, threadLastReplyAt: reply.createdAt }
      : m,
  );
}

/** Replaces a message we have (edit, recall, reactions, pin, reply count). */
export function replaceMessage(message: MessageView) {
  if (!store.has(message.chatId)) return;
  set(message.chatId, (t) => ({ items: t.items.map((m) => (m.id === message.id ? message : m)) }));
}

export function addPending(chatId: string, p: PendingMessage) {
  set(chatId, (t) => ({ pending: [...t.pending.filter((x) => x.clientId !== p.clientId), p] }));
}

export function setPendingStatus(chatId: string, clientId: string, status: PendingMessage['status']) {
  set(chatId, (t) => ({ pending: t.pending.map((p) => (p.clientId === clientId ? { ...p, status } : p)) }));
}

export function dropPending(chatId: string, clientId: string) {
  set(chatId, (t) => ({ pending: t.pending.filter((p) => p.clientId !== clientId) }));
}

/** Forgets a chat (left, removed): the next open starts fresh. */
export function forgetChat(chatId: string) {
  store.delete(chatId);
  started.delete(chatId);
  for (const l of listeners.get(chatId) ?? []) l();
}

/** Whether the chat's loaded window holds this message. */
export function holdsMessage(chatId: string, messageId: string): boolean {
  return get(chatId).items.some((m) => m.id === messageId);
}

/** The last message we hold of a chat (for "mark read up to here"). */
export function lastLoadedSeq(chatId: string): number {
  const items = get(chatId).items;
  return items.length ? items[items.length - 1].seq : 0;
}

export function useTimeline(chatId: string): Timeline {
  return useSyncExternalStore(
    (onChange) => {
      let set = listeners.get(chatId);
      if (!set) listeners.set(chatId, (set = new Set()));
      set.add(onChange);
      return () => set.delete(onChange);
    },
    () => get(chatId),
  );
}
