import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFleet } from './harness/client-fleet.js';
import { ensureServerBuild, rssMb, startRawWs, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import type { Bench, Measurement } from './report.js';

/*
 * messenger.idle: N idle authenticated WebSocket connections on one node (one person each,
 * every socket subscribed to its own `user:<id>` topic as the web client does), then the
 * server's resident memory. Baseline: the same fleet held by a bare `ws` server (raw-ws).
 * The fleet lives in this process: 10,000 sockets need ~10,000 descriptors on each side
 * (`ulimit -n` is 20,000 on the reference machine; see docs/benchmarks.md).
 */

const BENCH = 'messenger.idle';

async function hold(
  baseUrl: string,
  cookies: (string | undefined)[],
  topicOf: (i: number) => string,
  pid: number,
  settleMs: number,
) {
  const fleet = await openFleet(baseUrl, cookies, { concurrency: 200 });
  try {
    await fleet.subscribeAll(topicOf, 200);
    await new Promise((r) => setTimeout(r, settleMs));
    return { rss: rssMb(pid), open: fleet.openCount() };
  } finally {
    await fleet.close();
  }
}

export const messengerIdle: Bench = async ({ quick }) => {
  const connections = quick ? 200 : 10_000;
  const settleMs = quick ? 300 : 3000;
  ensureServerBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-idle-'));
  try {
    const { people } = await seedPeople(dataDir, connections);
    const skein = await startSkein(dataDir);
    let real: { rss: number; open: number; idleRss: number };
    try {
      const idleRss = rssMb(skein.pid);
      const held = await hold(
        skein.baseUrl,
        people.map((p) => p.cookie),
        (i) => `user:${people[i].userId}`,
        skein.pid,
        settleMs,
      );
      real = { ...held, idleRss };
    } finally {
      await skein.stop();
    }
    const raw = await startRawWs();
    let bare: { rss: number; open: number };
    try {
      bare = await hold(raw.baseUrl, new Array(connections).fill(undefined), (i) => `user:${i}`, raw.pid, settleMs);
    } finally {
      await raw.stop();
    }
    const params = { connections, settle_ms: settleMs, db: 'sqlite' };
    const out: Measurement[] = [
      {
        bench: BENCH,
        metric: 'rss_mb',
        value: real.rss,
        unit: 'MB',
        params,
        baseline: 'raw-ws',
        baseline_value: bare.rss,
        ratio: real.rss / bare.rss,
      },
      { bench: BENCH, metric: 'rss_before_connections_mb', value: real.idleRss, unit: 'MB', params },
      {
        bench: BENCH,
        metric: 'kb_per_connection',
        value: ((real.rss - real.idleRss) * 1024) / Math.max(1, real.open),
        unit: 'KB',
        params,
      },
      { bench: BENCH, metric: 'connections', value: real.open, unit: 'count', params },
    ];
    return out;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
