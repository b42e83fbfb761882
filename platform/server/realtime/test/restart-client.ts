import net from 'node:net';
import WebSocket from 'ws';
import { realtimeCheck } from '../../../../modules/system/shared/contract.js';
import { createRealtimeClient, type RealtimeClient } from '../../../client/ws-client.js';
import type { Api } from '../../../shared/api-client.js';

/** A port free right now, so a restarted server process can come back where its clients look. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds (client callbacks arrive asynchronously). */
export async function until(check: () => boolean, ms = 10_000, what = 'condition') {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The browser's realtime client (platform/client/ws-client.ts) following the caller's own
 * `user:` topic, recording what reaches its handler, its gaps and confirmations.
 */
export function followOwnTopic(baseUrl: string, topic: string, cookie: () => string) {
  const received: number[] = [];
  const gaps: Array<{ from: number; to: number; reason?: string }> = [];
  let confirmations = 0;
  const client: RealtimeClient = createRealtimeClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/api/ws`,
    WebSocket: WebSocket as never,
    headers: () => ({ cookie: cookie() }),
    backoff: { minMs: 100, maxMs: 400 },
  });
  client.subscribe(topic, (_data, meta) => received.push(meta.seq), {
    onSubscribed: () => confirmations++,
    onGap: (from, to, reason) => gaps.push({ from, to, reason }),
  });
  return {
    client,
    received,
    gaps,
    confirmations: () => confirmations,
    /** Publishes to the topic through HTTP (the connection check) and waits for the handler to get it. */
    async publishAndReceive(api: Api) {
      const before = received.length;
      const { seq } = await api(realtimeCheck);
      await until(() => received.slice(before).includes(seq), 5_000, `event ${seq} delivered to the handler`);
      return seq;
    },
  };
}
