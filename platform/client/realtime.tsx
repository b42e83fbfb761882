import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { createRealtimeClient, type RealtimeClient, type RealtimeStatus, type SubscribeOptions } from './ws-client.js';

/**
 * One realtime connection for the whole signed-in app. Modules follow topics through
 * `useTopic`; the socket lives as long as the layout (it closes on sign-out with it).
 */
const RealtimeContext = createContext<RealtimeClient | null>(null);
const StatusContext = createContext<RealtimeStatus>('connecting');

/** Opens the app's WebSocket (`/api/ws`) once and shares it with every page below. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  useEffect(() => {
    const c = createRealtimeClient({ onStatus: setStatus });
    setClient(c);
    return () => c.close();
  }, []);
  return (
    <RealtimeContext.Provider value={client}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </RealtimeContext.Provider>
  );
}

/** The shared client (null for the first render and outside the signed-in layout). */
export function useRealtime(): RealtimeClient | null {
  return useContext(RealtimeContext);
}

/** The connection's state, for a "reconnecting…" hint. */
export function useRealtimeStatus(): RealtimeStatus {
  return useContext(StatusContext);
}

export interface TopicHandlers extends SubscribeOptions {
  onEvent?: (data: unknown, meta: { topic: string; seq: number }) => void;
}

/**
 * Follows `topic` while the component is mounted (nothing when `topic` is null). The latest
 * handlers are always called, so callers need not memoize them.
 */
export function useTopic(topic: string | null | undefined, handlers: TopicHandlers): void {
  const client = useRealtime();
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!client || !topic) return;
    return client.subscribe(topic, (data, meta) => latest.current.onEvent?.(data, meta), {
      onSubscribed: (seq) => latest.current.onSubscribed?.(seq),
      onRevoked: () => latest.current.onRevoked?.(),
      onError: (code) => latest.current.onError?.(code),
      onGap: (from, to, reason) => latest.current.onGap?.(from, to, reason),
      onSignal: (data) => latest.current.onSignal?.(data),
    });
  }, [client, topic]);
}
