import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtime, useTopic } from '../realtime.js';

/** A typing signal at most this often while typing; the server drops anything faster. */
export const TYPING_EVERY_MS = 3000;
/** Someone stops "typing" this long after their last signal. */
export const TYPING_SHOWN_MS = 5000;

/**
 * Returns what to call on each keystroke in a composer for `topic`: it says "typing" over the
 * socket at most once per TYPING_EVERY_MS and costs nothing otherwise.
 */
export function useTypingSignal(topic: string | null): () => void {
  const client = useRealtime();
  const last = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new topic starts its own throttle
  useEffect(() => {
    last.current = 0;
  }, [topic]);
  return useCallback(() => {
    if (!client || !topic) return;
    const now = Date.now();
    if (now - last.current < TYPING_EVERY_MS) return;
    last.current = now;
    client.typing(topic);
  }, [client, topic]);
}

/**
 * Who is typing in `topic` now, oldest first, without `me`. Someone leaves the list
 * TYPING_SHOWN_MS after their last signal, or at once when `stoppedBy` says an event (their
 * message arriving) ends it.
 */
export function useTypers(topic: string | null, me: string, stoppedBy?: (event: unknown) => string | null): string[] {
  const [typers, setTypers] = useState<Map<string, number>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const stop = useCallback((userId: string) => {
    const timer = timers.current.get(userId);
    if (timer) clearTimeout(timer);
    timers.current.delete(userId);
    setTypers((prev) => {
      if (!prev.has(userId)) return prev;
      const next = new Map(prev);
      next.delete(userId);
      return next;
    });
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new topic starts with nobody typing
  useEffect(() => {
    setTypers(new Map());
    const all = timers.current;
    return () => {
      for (const t of all.values()) clearTimeout(t);
      all.clear();
    };
  }, [topic]);
  useTopic(topic, {
    onSignal: (data) => {
      if (data.kind !== 'typing' || data.userId === me) return;
      const old = timers.current.get(data.userId);
      if (old) clearTimeout(old);
      timers.current.set(
        data.userId,
        setTimeout(() => stop(data.userId), TYPING_SHOWN_MS),
      );
      setTypers((prev) => (prev.has(data.userId) ? prev : new Map(prev).set(data.userId, Date.now())));
    },
    onEvent: (data) => {
      const userId = stoppedBy?.(data);
      if (userId) stop(userId);
    },
  });
  return [...typers.keys()];
}
