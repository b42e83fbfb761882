import { useSyncExternalStore } from 'react';

/*
 * ↑ in an empty composer asks a message of the list to open its edit box: the composer knows
 * which message, the message item owns the edit box. One request at a time, taken once.
 */

let requested: string | null = null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function requestEdit(messageId: string) {
  requested = messageId;
  emit();
}

/** The message item opened its edit box (or gave up): the request is done. */
export function editRequestTaken() {
  requested = null;
  emit();
}

/** Whether this message is asked to open its edit box. */
export function useEditRequested(messageId: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => requested === messageId,
  );
}

/** Puts the caret after the last character (a focused textarea starts with it before the first). */
export function caretToEnd(el: HTMLTextAreaElement | null | undefined) {
  if (!el) return;
  el.focus();
  el.setSelectionRange(el.value.length, el.value.length);
}
