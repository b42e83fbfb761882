import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { openDatabase } from '../platform/server/db/database.js';
import { openFleet } from './harness/client-fleet.js';
import { Deliveries } from './harness/deliveries.js';
import { jsonClient } from './harness/http.js';
import { atRate, saturate } from './harness/load.js';
import { ensureServerBuild, startRawWs, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { type Bench, type Measurement, percentile } from './report.js';

/*
 * messenger.fanout: one group of N members, each with an authenticated WebSocket on loopback
 * subscribed to `chat:<id>`, against the built server (SQLite). Phase 1 sends at R messages/s
 * through the HTTP send endpoint and times send → receive on every client. Phase 2 has a few
 * senders push as fast as acknowledgements allow: deliveries/s is capacity. The same fleet and
 * senders drive a bare `ws` broadcast server (raw-ws) before and after, for the baseline. Every client must
 * have received every message exactly once and in order.
 */

const BENCH = 'messenger.fanout';

interface Params {
  clients: number;
  rate: number;
  rateSeconds: number;
  saturationMs: number;
  senders: number;
}

interface Outcome {
  p50: number;
  p99: number;
  deliveriesPerS: number;
  sendsPerS: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  sendErrors: number;
}

/** Drives one server: the fleet subscribes, then the rate phase, then the saturation phase. */
export async function drive(baseUrl: string, cookies: (string | undefined)[], chatId: string, p: Params): Promise<Outcome> {
  const deliveries = new Deliveries(cookies.length);
  const fleet = await openFleet(baseUrl, cookies, { onFrame: deliveries.onFrame });
  const http = jsonClient(baseUrl, 64);
  try {
    await fleet.subscribeAll(() => `chat:${chatId}`);
    let acked = 0;
    let sendErrors = 0;
    const send = async (sender: number, clientId: string) => {
      deliveries.noteSent(clientId, performance.now());
      const res = await http.request(
        'POST',
        `/api/chats/${chatId}/messages`,
        { clientId, kind: 'text', content: { text: `fanout ${clientId}: 缙云工厂新产线 line check` } },
        cookies[sender % cookies.length],
      );
      if (res.status === 201 || res.status === 200) acked++;
      else if (sendErrors++ === 0) console.error(`send failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    const n = cookies.length;

    // Warm-up: connections, JIT, statement caches.
    for (let i = 0; i < 5; i++) await send(0, `w${i}`);
    await deliveries.settle(acked * n);

    deliveries.measuring = true;
    await atRate(p.rate, p.rate * p.rateSeconds, (i) => send(i % p.senders, `r${i}`));
    await deliveries.settle(acked * n);
    deliveries.measuring = false;

    const before = deliveries.received;
    const ackedBefore = acked;
    const started = performance.now();
    await saturate(p.senders, p.saturationMs, (s, k) => send(s, `s${s}-${k}`));
    const sendsPerS = ((acked - ackedBefore) * 1000) / (performance.now() - started);
    await deliveries.settle(acked * n);
    const deliveriesPerS = ((deliveries.received - before) * 1000) / (deliveries.lastReceivedAt - started);

    return {
      p50: percentile(deliveries.latencies, 50),
      p99: percentile(deliveries.latencies, 99),
      deliveriesPerS,
      sendsPerS,
      lost: deliveries.lost(acked),
      duplicated: deliveries.duplicated,
      outOfOrder: deliveries.outOfOrder,
      sendErrors,
    };
  } finally {
    http.close();
    await fleet.close();
  }
}

/** The same fleet and senders against the bare `ws` broadcast server. */
async function driveRaw(p: Params): Promise<Outcome> {
  const raw = await startRawWs();
  try {
    return await drive(raw.baseUrl, new Array(p.clients).fill(undefined), 'chat_raw', p);
  } finally {
    await raw.stop();
  }
}

export const messengerFanout: Bench = async ({ quick }) => {
  const p: Params = {
    clients: quick ? 20 : 1000,
    rate: 50,
    rateSeconds: quick ? 1 : 10,
    saturationMs: quick ? 1000 : 5000,
    senders: 4,
  };
  ensureServerBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-fanout-'));
  try {
    const { admin, people } = await seedPeople(dataDir, p.clients - 1);
    // The baseline runs before and after Skein and keeps its better numbers: on a shared
    // machine a burst of foreign load during one run must not flatter the ratio.
    const before = await driveRaw(p);
    // The group is bulk-written before the server starts (creating it over HTTP is not what is measured).
    const handle = openDatabase({ dataDir });
    let chatId: string;
    try {
      chatId = await seedChatHistory(handle.db, {
        name: 'Fanout 缙云工厂新产线',
        ownerId: admin.userId,
        memberIds: people.map((m) => m.userId),
        messages: 0,
      });
    } finally {
      await handle.close();
    }
    const skein = await startSkein(dataDir);
    let real: Outcome;
    try {
      real = await drive(
        skein.baseUrl,
        [admin, ...people].map((m) => m.cookie),
        chatId,
        p,
      );
    } finally {
      await skein.stop();
    }
    const after = await driveRaw(p);
    const bare: Outcome = {
      ...before,
      p50: Math.min(before.p50, after.p50),
      p99: Math.min(before.p99, after.p99),
      deliveriesPerS: Math.max(before.deliveriesPerS, after.deliveriesPerS),
      sendsPerS: Math.max(before.sendsPerS, after.sendsPerS),
      lost: before.lost + after.lost,
      duplicated: before.duplicated + after.duplicated,
      outOfOrder: before.outOfOrder + after.outOfOrder,
    };
    if (bare.lost + bare.duplicated + bare.outOfOrder > 0) console.error('raw-ws baseline lost or reordered deliveries', bare);

    const params = {
      clients: p.clients,
      rate: p.rate,
      rate_seconds: p.rateSeconds,
      saturation_ms: p.saturationMs,
      senders: p.senders,
      db: 'sqlite',
    };
    const vsRaw = (metric: string, unit: string, value: number, base: number): Measurement => ({
      bench: BENCH,
      metric,
      value,
      unit,
      params,
      baseline: 'raw-ws',
      baseline_value: base,
      ratio: value / Math.max(base, 1e-6),
    });
    const count = (metric: string, value: number): Measurement => ({ bench: BENCH, metric, value, unit: 'count', params });
    return [
      vsRaw('p50_ms', 'ms', real.p50, bare.p50),
      vsRaw('p99_ms', 'ms', real.p99, bare.p99),
      vsRaw('deliveries_per_s', '1/s', real.deliveriesPerS, bare.deliveriesPerS),
      vsRaw('sends_per_s', '1/s', real.sendsPerS, bare.sendsPerS),
      count('lost', real.lost),
      count('duplicated', real.duplicated),
      count('out_of_order', real.outOfOrder),
      count('send_errors', real.sendErrors),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
