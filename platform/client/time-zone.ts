import { useEffect, useSyncExternalStore } from 'react';

/*
 * The signed-in person's profile time zone. Settings says it governs, so every time the UI shows
 * is formatted in it, not in the browser's zone (a laptop set to Berlin still shows a Shanghai
 * profile's morning handover at 09:05). Module state, like the UI language: the shell sets it
 * once the profile is known, and the format helpers read it.
 */
let zone: string | undefined;
const listeners = new Set<() => void>();

/** The zone times are shown in; undefined (the device's zone) until the profile is known. */
export function profileTimeZone(): string | undefined {
  return zone;
}

/**
 * The shell applies the signed-in person's zone with this. It takes effect during the render,
 * before the routes below render (so their first paint shows profile times); components that
 * subscribed with useProfileTimeZone hear of a change after the commit.
 */
export function useApplyProfileTimeZone(next: string | undefined): void {
  const changed = zone !== next;
  zone = next;
  useEffect(() => {
    if (changed) for (const l of listeners) l();
  }, [changed]);
}

/** The profile zone, re-rendering when it changes. */
export function useProfileTimeZone(): string | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => zone,
  );
}
