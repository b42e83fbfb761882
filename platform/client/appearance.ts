import { useSyncExternalStore } from 'react';

/** Light or dark, or whatever the device is set to (the default). */
export type Appearance = 'system' | 'light' | 'dark';

export const APPEARANCES: readonly Appearance[] = ['system', 'light', 'dark'];

/*
 * The choice lives in this browser's localStorage, one entry per person: Skein has no per-person
 * preference store on the server yet, and a shared computer should not hand one person's
 * choice to the next. Signed out (no person yet), pages follow the device.
 */
const keyOf = (userId: string) => `skein.appearance.${userId}`;
const listeners = new Set<() => void>();

function read(userId: string | undefined): Appearance {
  if (!userId) return 'system';
  try {
    const v = localStorage.getItem(keyOf(userId));
    return APPEARANCES.includes(v as Appearance) ? (v as Appearance) : 'system';
  } catch {
    return 'system'; // storage disabled (privacy mode): follow the device
  }
}

export function setAppearance(userId: string, value: Appearance) {
  try {
    if (value === 'system') localStorage.removeItem(keyOf(userId));
    else localStorage.setItem(keyOf(userId), value);
  } catch {
    // storage disabled: the choice lasts until the page reloads, like no choice at all
  }
  for (const l of listeners) l();
}

function subscribeStorage(onChange: () => void) {
  listeners.add(onChange);
  // Another tab changed it: follow along.
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The person's choice (System when they made none). */
export function useAppearance(userId: string | undefined): Appearance {
  return useSyncExternalStore(subscribeStorage, () => read(userId));
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeSystem(onChange: () => void) {
  const mq = window.matchMedia(DARK_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** Whether pages should be dark now: the choice, or the device's setting (live) under System. */
export function useDarkMode(userId: string | undefined): boolean {
  const choice = useAppearance(userId);
  const systemDark = useSyncExternalStore(subscribeSystem, () => window.matchMedia(DARK_QUERY).matches);
  return choice === 'dark' || (choice === 'system' && systemDark);
}
