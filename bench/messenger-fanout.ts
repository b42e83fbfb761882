import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { openFleet } from './harness/client-fleet.js';
import { freshPlace } from './harness/data-place.js';
import { Deliveries } from './harness/deliveries.js';
import { jsonClient } from './harness/http.js';
import { atRate, saturate } from './harness/load.js';
import { ensureServerBuild, type ProbeReport, type Spawned, startRawWs, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { walCheckpointSeq } from './harness/sqlite-wal.js';
import { type Bench, type Measurement, median, percentile } from './report.js';

/*
 * messenger.fanout: one group of N members, each with an authenticated WebSocket on loopback
 * subscribed as the web client subscribes (its `user:<id>` topic and every chat it is in),
 * against the built server as `npm start` runs it (default log level). Phase 1 sends at R
 * messages/s through the HTTP send endpoint, open loop, and times scheduled send → receive on
 * every client. Phase 2 has a few senders push as fast as acknowledgements allow: deliveries/s,
 * and the server process's own CPU time per delivery, which unlike deliveries/s does not depend
 * on how fast the one-process client fleet can read. The same fleet and senders drive a bare
 * `ws` broadcast server (raw-ws, its own process) before and after. Every client must have
 * received every message exactly once and in order. Inside each server process
 * bench/harness/probe.mjs measures event-loop delay and GC pauses over phase 1, to find stalls.
 * `--runs N` repeats everything N times (a fresh chat and server process each) and reports medians.
 */

const BENCH = 'messenger.fanout';

interface Params {
  clients: number;
  rate: number;
  rateSeconds: number;
  saturationMs: number;
  senders: number;
}

/** What one drive of one server measured. */
interface Outcome {
  p50: number;
  p99: number;
  deliveriesPerS: number;
  sendsPerS: number;
  /** Server CPU (user + system) over phase 2 divided by phase 2's deliveries. */
  cpuUsPerDelivery: number;
  /** Probe over phase 1 (the latency phase). */
  rateProbe: ProbeReport;
  /** The client fleet's own worst event-loop lag over phase 1: a late receive stamp is the fleet's, not the server's. */
  fleetLoopDelayMaxMs: number;
  logBytesPerSend: number;
  walCheckpoints?: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  errors: number;
}

interface Target {
  server: Spawned;
  cookies: (string | undefined)[];
  /** Every topic socket i follows, the chat under test included. */
  topicsOf: (i: number) => string[];
  chatId: string;
  tag: string;
  sqliteFile?: string;
}

/** Drives one server: the fleet subscribes, then the rate phase, then the saturation phase. */
async function drive(t: Target, p: Params): Promise<Outcome> {
  const deliveries = new Deliveries(t.cookies.length);
  const fleet = await openFleet(t.server.baseUrl, t.cookies, { onFrame: deliveries.onFrame });
  const http = jsonClient(t.server.baseUrl, 64);
  try {
    await fleet.subscribeAll(t.topicsOf);
    let acked = 0;
    let sendErrors = 0;
    const send = async (sender: number, clientId: string, scheduledAt: number) => {
      deliveries.noteSent(clientId, scheduledAt);
      try {
        const res = await http.request(
          'POST',
          `/api/chats/${t.chatId}/messages`,
          { clientId, kind: 'text', content: { text: `fanout ${clientId}: 缙云工厂新产线 line check` } },
          t.cookies[sender % t.cookies.length],
        );
        if (res.status === 201 || res.status === 200) acked++;
        else if (sendErrors++ === 0) console.error(`send failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      } catch (err) {
        if (sendErrors++ === 0) console.error('send failed:', err);
      }
    };
    const n = t.cookies.length;

    // Warm-up: connections, JIT, statement caches.
    for (let i = 0; i < 5; i++) await send(0, `${t.tag}w${i}`, performance.now());
    await deliveries.settle(acked * n);

    // Phase 1: open loop at the given rate; latency runs from each send's scheduled moment.
    const logBefore = t.server.logBytes();
    const walBefore = walCheckpointSeq(t.sqliteFile);
    const ackedBeforeRate = acked;
    await t.server.probe.start();
    const fleetLoop = monitorEventLoopDelay({ resolution: 5 });
    fleetLoop.enable();
    deliveries.measuring = true;
    await atRate(p.rate, p.rate * p.rateSeconds, (i, at) => send(i % p.senders, `${t.tag}r${i}`, at));
    await deliveries.settle(acked * n);
    deliveries.measuring = false;
    fleetLoop.disable();
    const rateProbe = await t.server.probe.stop();
    const rateSends = Math.max(1, acked - ackedBeforeRate);
    const logBytesPerSend = (t.server.logBytes() - logBefore) / rateSends;
    const walAfter = walCheckpointSeq(t.sqliteFile);
    const walCheckpoints = walBefore !== undefined && walAfter !== undefined ? walAfter - walBefore : undefined;

    // Phase 2: capacity, and what each delivery costs the server process.
    const before = deliveries.received;
    const ackedBefore = acked;
    await t.server.probe.start();
    const started = performance.now();
    await saturate(p.senders, p.saturationMs, (s, k) => send(s, `${t.tag}s${s}-${k}`, performance.now()));
    const sendsPerS = ((acked - ackedBefore) * 1000) / (performance.now() - started);
    await deliveries.settle(acked * n);
    const capacityProbe = await t.server.probe.stop();
    const capacityDeliveries = deliveries.received - before;
    const deliveriesPerS = (capacityDeliveries * 1000) / (deliveries.lastReceivedAt - started);
    const cpuUsPerDelivery = (capacityProbe.cpuUserUs + capacityProbe.cpuSystemUs) / Math.max(1, capacityDeliveries);

    return {
      p50: percentile(deliveries.latencies, 50),
      p99: percentile(deliveries.latencies, 99),
      deliveriesPerS,
      sendsPerS,
      cpuUsPerDelivery,
      rateProbe,
      fleetLoopDelayMaxMs: Math.max(0, fleetLoop.max / 1e6 - 5),
      logBytesPerSend,
      walCheckpoints,
      lost: deliveries.lost(acked),
      duplicated: deliveries.duplicated,
      outOfOrder: deliveries.outOfOrder,
      errors: sendErrors + fleet.troubles(),
    };
  } finally {
    http.close();
    await fleet.close();
  }
}

/** The better of the baseline's two drives (before and after Skein): a burst of foreign load in one must not flatter the ratio. */
function better(a: Outcome, b: Outcome): Outcome {
  const lower = (pick: (o: Outcome) => number) => Math.min(pick(a), pick(b));
  return {
    p50: lower((o) => o.p50),
    p99: lower((o) => o.p99),
    deliveriesPerS: Math.max(a.deliveriesPerS, b.deliveriesPerS),
    sendsPerS: Math.max(a.sendsPerS, b.sendsPerS),
    cpuUsPerDelivery: lower((o) => o.cpuUsPerDelivery),
    rateProbe: {
      ...a.rateProbe,
      loopDelayP99Ms: lower((o) => o.rateProbe.loopDelayP99Ms),
      loopDelayMaxMs: lower((o) => o.rateProbe.loopDelayMaxMs),
      gcPauseMsTotal: lower((o) => o.rateProbe.gcPauseMsTotal),
      gcPauseMaxMs: lower((o) => o.rateProbe.gcPauseMaxMs),
    },
    fleetLoopDelayMaxMs: lower((o) => o.fleetLoopDelayMaxMs),
    logBytesPerSend: 0,
    lost: a.lost + b.lost,
    duplicated: a.duplicated + b.duplicated,
    outOfOrder: a.outOfOrder + b.outOfOrder,
    errors: a.errors + b.errors,
  };
}

export const messengerFanout: Bench = async ({ quick, db = 'sqlite', runs = 1 }) => {
  const p: Params = {
    clients: quick ? 20 : 1000,
    rate: 50,
    rateSeconds: quick ? 1 : 10,
    saturationMs: quick ? 1000 : 5000,
    senders: 4,
  };
  ensureServerBuild();
  const place = await freshPlace(db, 'fanout');
  try {
    const { admin, people } = await seedPeople(place, p.clients - 1);
    const everyone = [admin, ...people];
    // One group per run, all bulk-written before the server starts (creating them over HTTP is
    // not what is measured): every run's fleet follows the same chats, as a member's web client would.
    const handle = place.open();
    const chatIds: string[] = [];
    try {
      for (let r = 0; r < runs; r++) {
        chatIds.push(
          await seedChatHistory(handle.db, {
            name: `Fanout ${r + 1} 缙云工厂新产线`,
            ownerId: admin.userId,
            memberIds: people.map((m) => m.userId),
            messages: 0,
          }),
        );
      }
    } finally {
      await handle.close();
    }
    const rawCookies = new Array<string | undefined>(p.clients).fill(undefined);
    const rawChats = chatIds.map((_, r) => `chat_raw${r}`);
    const driveRaw = async (r: number, tag: string) => {
      const server = await startRawWs();
      try {
        return await drive(
          {
            server,
            cookies: rawCookies,
            topicsOf: (i) => [`user:raw${i}`, ...rawChats.map((c) => `chat:${c}`)],
            chatId: rawChats[r],
            tag,
          },
          p,
        );
      } finally {
        await server.stop();
      }
    };

    const real: Outcome[] = [];
    const bare: Outcome[] = [];
    for (let r = 0; r < runs; r++) {
      const rawBefore = await driveRaw(r, 'a');
      const server = await startSkein(place.serverEnv, path.join(place.dataDir, `server-run${r + 1}.log`));
      try {
        real.push(
          await drive(
            {
              server,
              cookies: everyone.map((m) => m.cookie),
              topicsOf: (i) => [`user:${everyone[i].userId}`, ...chatIds.map((c) => `chat:${c}`)],
              chatId: chatIds[r],
              tag: '',
              sqliteFile: place.sqliteFile,
            },
            p,
          ),
        );
      } finally {
        await server.stop();
      }
      const rawAfter = await driveRaw(r, 'b');
      bare.push(better(rawBefore, rawAfter));
    }

    const params = {
      clients: p.clients,
      rate: p.rate,
      rate_seconds: p.rateSeconds,
      saturation_ms: p.saturationMs,
      senders: p.senders,
      topics_per_socket: 1 + runs,
      runs,
      db,
      log_level: 'info',
    };
    const many = runs > 1;
    const vsRaw = (metric: string, unit: string, pick: (o: Outcome) => number): Measurement => {
      const values = real.map(pick);
      const bases = bare.map(pick);
      const value = median(values);
      const base = median(bases);
      return {
        bench: BENCH,
        metric,
        value,
        unit,
        params,
        baseline: 'raw-ws',
        baseline_value: base,
        // A baseline of zero (no lag, no GC at all) has no meaningful ratio.
        ...(base > 0 ? { ratio: value / base } : {}),
        ...(many ? { runs: values, baseline_runs: bases } : {}),
        ...(many && bases.every((b) => b > 0) ? { ratio_runs: values.map((v, i) => v / bases[i]) } : {}),
      };
    };
    const alone = (metric: string, unit: string, values: number[]): Measurement => ({
      bench: BENCH,
      metric,
      value: median(values),
      unit,
      params,
      ...(many ? { runs: values } : {}),
    });
    // Correctness over every run, for Skein and for the baseline alike.
    const counts = (server: 'skein' | 'raw-ws', outcomes: Outcome[]): Measurement[] =>
      (
        [
          ['lost', (o) => o.lost],
          ['duplicated', (o) => o.duplicated],
          ['out_of_order', (o) => o.outOfOrder],
          ['errors', (o) => o.errors],
        ] as [string, (o: Outcome) => number][]
      ).map(([metric, pick]) => ({
        bench: BENCH,
        metric,
        value: outcomes.reduce((sum, o) => sum + pick(o), 0),
        unit: 'count',
        params: server === 'skein' ? params : { ...params, server },
      }));
    const wal = real.map((o) => o.walCheckpoints).filter((n): n is number => n !== undefined);
    return [
      vsRaw('p50_ms', 'ms', (o) => o.p50),
      vsRaw('p99_ms', 'ms', (o) => o.p99),
      vsRaw('deliveries_per_s', '1/s', (o) => o.deliveriesPerS),
      vsRaw('sends_per_s', '1/s', (o) => o.sendsPerS),
      vsRaw('server_cpu_us_per_delivery', 'us', (o) => o.cpuUsPerDelivery),
      vsRaw('server_loop_delay_p99_ms', 'ms', (o) => o.rateProbe.loopDelayP99Ms),
      vsRaw('server_loop_delay_max_ms', 'ms', (o) => o.rateProbe.loopDelayMaxMs),
      vsRaw('server_gc_pause_ms_total', 'ms', (o) => o.rateProbe.gcPauseMsTotal),
      vsRaw('server_gc_pause_max_ms', 'ms', (o) => o.rateProbe.gcPauseMaxMs),
      alone(
        'server_log_bytes_per_send',
        'B',
        real.map((o) => o.logBytesPerSend),
      ),
      ...(wal.length ? [alone('server_wal_checkpoints', 'count', wal)] : []),
      vsRaw('fleet_loop_delay_max_ms', 'ms', (o) => o.fleetLoopDelayMaxMs),
      ...counts('skein', real),
      ...counts('raw-ws', bare),
    ];
  } finally {
    await place.remove();
  }
};
