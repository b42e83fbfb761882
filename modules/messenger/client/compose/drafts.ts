import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { useApiQuery } from '../../../../platform/client/api.js';
import { createApi } from '../../../../platform/shared/api-client.js';
import { clearDraft, listMyDrafts, saveDraft } from '../../shared/contract.js';
import { MAX_TEXT } from '../../shared/message-types.js';

/*
 * Unsent drafts, kept on the server so they follow the person to another device. The composer
 * reports every change; what this tab typed shows at once (the chat list's "[Draft]"), even
 * before the server's list has loaded; the server follows after a pause in typing, and at the
 * latest when the chat closes or the page goes.
 */

const SAVE_AFTER_MS = 700;

// keepalive: a save fired as the page unloads (reload, closed tab) still reaches the server.
const draftApi = createApi({
  headers: () => ({ 'accept-language': i18next.language || 'en-US' }),
  fetch: (url, init) => fetch(url, { ...init, keepalive: true }),
});

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const unsaved = new Map<string, string>();
/** Per chat, the writes in the order they were made: a later one never overtakes an earlier one. */
const queues = new Map<string, Promise<void>>();
const writing = new Map<string, number>();

function enqueue(chatId: string, write: () => Promise<unknown>) {
  writing.set(chatId, (writing.get(chatId) ?? 0) + 1);
  const next = (queues.get(chatId) ?? Promise.resolve())
    .then(write)
    .catch(() => {
      // A lost draft save is not worth an error on screen: the text is still in the composer.
    })
    .then(() => {
      writing.set(chatId, (writing.get(chatId) ?? 1) - 1);
    });
  queues.set(chatId, next);
}

/** What this tab typed last in each chat ('' once sent or emptied): newer than the server's list. */
const typed = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

function setTyped(chatId: string, text: string) {
  typed.set(chatId, text);
  version += 1;
  for (const l of listeners) l();
}

function useTypedVersion() {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => version,
  );
}

/** My drafts, shared by the chat list and the composers. */
export function useDrafts() {
  return useApiQuery(listMyDrafts, undefined, { staleTime: 5 * 60_000 });
}

/** The draft of one chat (composer source, mentions as <at> tags), undefined until the list has loaded. */
export function useDraft(chatId: string): string | null | undefined {
  const list = useDrafts();
  useTypedVersion();
  const mine = typed.get(chatId);
  if (mine !== undefined) return mine.trim() ? mine : null;
  if (!list.data) return list.isError ? null : undefined;
  return list.data.items.find((d) => d.chatId === chatId)?.text ?? null;
}

/** The composer changed: show it as the chat's draft now, save it once typing pauses. */
export function draftChanged(chatId: string, source: string) {
  // Longer than a message can be: it would be refused; the last draft that fit stays saved.
  if (source.length > MAX_TEXT) return;
  setTyped(chatId, source);
  unsaved.set(chatId, source);
  clearTimeout(timers.get(chatId));
  timers.set(
    chatId,
    setTimeout(() => flushDraft(chatId), SAVE_AFTER_MS),
  );
}

/** Saves a waiting draft now (the chat closes, the page goes). */
export function flushDraft(chatId: string) {
  clearTimeout(timers.get(chatId));
  timers.delete(chatId);
  const text = unsaved.get(chatId);
  if (text === undefined) return;
  unsaved.delete(chatId);
  enqueue(chatId, () => draftApi(saveDraft, { params: { chatId: chatId as `chat_${string}` }, body: { text } }));
}

/**
 * The composer's text was sent. The server drops the draft with the send; a save still on its
 * way could land after that send and bring it back, so one in flight is followed by a clear.
 */
export function draftSent(chatId: string) {
  clearTimeout(timers.get(chatId));
  timers.delete(chatId);
  unsaved.delete(chatId);
  setTyped(chatId, '');
  if ((writing.get(chatId) ?? 0) > 0)
    enqueue(chatId, () => draftApi(clearDraft, { params: { chatId: chatId as `chat_${string}` } }));
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    for (const chatId of [...unsaved.keys()]) flushDraft(chatId);
  });
}
