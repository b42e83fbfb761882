import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getPresence, PRESENCE_BATCH_MAX, type PresenceView } from '../../shared/presence.js';
import type { PresenceEvent } from '../../shared/realtime-protocol.js';
import { api } from '../api.js';
import { useTopic } from '../realtime.js';

/** Cache key of one person's presence. */
export const presenceKey = (userId: string) => ['presence', userId];

// Reads asked for in the same tick go out as one request (a chat list shows dozens of people).
let pending = new Map<string, Array<{ resolve: (v: PresenceView) => void; reject: (e: unknown) => void }>>();
let flushing = false;

function flush() {
  flushing = false;
  const batch = pending;
  pending = new Map();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += PRESENCE_BATCH_MAX) {
    const chunk = ids.slice(i, i + PRESENCE_BATCH_MAX);
    api(getPresence, { query: { ids: chunk.join(',') as never } }).then(
      ({ people }) => {
        for (const p of people) for (const w of batch.get(p.userId) ?? []) w.resolve(p);
      },
      (err) => {
        for (const id of chunk) for (const w of batch.get(id) ?? []) w.reject(err);
      },
    );
  }
}

function readPresence(userId: string): Promise<PresenceView> {
  return new Promise((resolve, reject) => {
    const waiters = pending.get(userId) ?? [];
    waiters.push({ resolve, reject });
    pending.set(userId, waiters);
    if (flushing) return;
    flushing = true;
    setTimeout(flush, 10);
  });
}

// A socket follows at most 1,000 topics; presence takes at most this many of them. People
// beyond it show no dot rather than crowd out the chats the messenger follows.
const MAX_WATCHED = 300;
const watched = new Map<string, number>();

function watch(userId: string): (() => void) | undefined {
  const count = watched.get(userId) ?? 0;
  if (count === 0 && watched.size >= MAX_WATCHED) return undefined;
  watched.set(userId, count + 1);
  return () => {
    const left = (watched.get(userId) ?? 1) - 1;
    if (left <= 0) watched.delete(userId);
    else watched.set(userId, left);
  };
}

function applyEvent(qc: QueryClient, event: PresenceEvent) {
  if (event.type === 'presence.changed') {
    qc.setQueryData<PresenceView>(presenceKey(event.userId), (p) => p && { ...p, status: event.status });
  } else {
    void qc.invalidateQueries({ queryKey: presenceKey(event.userId) });
  }
}

/**
 * A person's presence, live: follows `presence:<id>` while mounted and reads the state once
 * the subscription stands (and again after a reconnect or a gap, and when do-not-disturb
 * changes by itself). Undefined while unknown, for null, or past the watch cap.
 */
export function usePresence(userId: string | null | undefined): PresenceView | undefined {
  const qc = useQueryClient();
  const [admitted, setAdmitted] = useState(false);
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!userId) return;
    const release = watch(userId);
    setAdmitted(release !== undefined);
    return () => {
      release?.();
      setAdmitted(false);
      setLive(false);
    };
  }, [userId]);
  const topic = userId && admitted ? `presence:${userId}` : null;
  useTopic(topic, {
    onEvent: (data) => applyEvent(qc, data as PresenceEvent),
    onSubscribed: () => {
      setLive(true);
      if (userId) void qc.invalidateQueries({ queryKey: presenceKey(userId) });
    },
    onGap: () => {
      if (userId) void qc.invalidateQueries({ queryKey: presenceKey(userId) });
    },
  });
  const query = useQuery({
    queryKey: presenceKey(userId ?? ''),
    queryFn: () => readPresence(userId ?? ''),
    enabled: Boolean(topic && live),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
  const changesAt = query.data?.changesAt;
  useEffect(() => {
    if (!changesAt || !userId) return;
    // setTimeout holds at most ~24 days; a later change is read when the page is next opened.
    const wait = Math.min(Date.parse(changesAt) - Date.now() + 1000, 2 ** 31 - 1);
    const timer = setTimeout(() => void qc.invalidateQueries({ queryKey: presenceKey(userId) }), Math.max(wait, 0));
    return () => clearTimeout(timer);
  }, [changesAt, userId, qc]);
  return topic ? query.data : undefined;
}
