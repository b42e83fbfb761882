import path from 'node:path';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { openFleet } from './harness/client-fleet.js';
import { freshPlace } from './harness/data-place.js';
import { ensureServerBuild, rssMb, startRawWs, startSkein } from './harness/processes.js';
import { type BenchPerson, seedPeople } from './harness/seed-people.js';
import type { Bench, Measurement } from './report.js';

/*
 * messenger.idle: N idle authenticated WebSocket connections on one node (one person each),
 * every socket subscribed as the web client subscribes: its `user:<id>` topic and every chat
 * in its list, here a company-wide group (everyone) and a team group of TEAM people. Then the
 * resident memory of the built server, run as `npm start` runs it (default log level).
 * Baseline: the same fleet and topics held by a bare `ws` server (raw-ws, plain JavaScript).
 * The fleet lives in this process: 10,000 sockets need ~10,000 descriptors on each side
 * (`ulimit -n` is 20,000 on the reference machine; see docs/benchmarks.md).
 */

const BENCH = 'messenger.idle';
const TEAM = 10;

/** The company-wide group and one team group per TEAM people, bulk-written before the server starts. */
async function seedChats(place: Awaited<ReturnType<typeof freshPlace>>, people: BenchPerson[]): Promise<string[][]> {
  const handle = place.open();
  try {
    const everyone = await seedChatHistory(handle.db, {
      name: 'All hands 全员',
      ownerId: people[0].userId,
      memberIds: people.map((p) => p.userId),
      messages: 0,
    });
    const chatsOf: string[][] = [];
    for (let t = 0; t < people.length; t += TEAM) {
      const team = people.slice(t, t + TEAM);
      const chatId = await seedChatHistory(handle.db, {
        name: `Team ${t / TEAM + 1}`,
        ownerId: team[0].userId,
        memberIds: team.map((p) => p.userId),
        messages: 0,
      });
      for (let k = 0; k < team.length; k++) chatsOf.push([everyone, chatId]);
    }
    return chatsOf;
  } finally {
    await handle.close();
  }
}

async function hold(
  baseUrl: string,
  cookies: (string | undefined)[],
  topicsOf: (i: number) => string[],
  pid: number,
  settleMs: number,
) {
  const fleet = await openFleet(baseUrl, cookies, { concurrency: 200 });
  try {
    await fleet.subscribeAll(topicsOf, 200);
    await new Promise((r) => setTimeout(r, settleMs));
    return { rss: rssMb(pid), open: fleet.openCount(), troubles: fleet.troubles() };
  } finally {
    await fleet.close();
  }
}

export const messengerIdle: Bench = async ({ quick, db = 'sqlite' }) => {
  const connections = quick ? 200 : 10_000;
  const settleMs = quick ? 300 : 3000;
  ensureServerBuild();
  const place = await freshPlace(db, 'idle');
  try {
    const { people } = await seedPeople(place, connections);
    const chatsOf = await seedChats(place, people);
    const topicsOf = (i: number) => [`user:${people[i].userId}`, ...chatsOf[i].map((c) => `chat:${c}`)];
    const skein = await startSkein(place.serverEnv, path.join(place.dataDir, 'server.log'));
    let real: { rss: number; open: number; troubles: number; idleRss: number };
    try {
      const idleRss = rssMb(skein.pid);
      const held = await hold(
        skein.baseUrl,
        people.map((p) => p.cookie),
        topicsOf,
        skein.pid,
        settleMs,
      );
      real = { ...held, idleRss };
    } finally {
      await skein.stop();
    }
    const raw = await startRawWs();
    let bare: { rss: number; open: number; troubles: number };
    try {
      bare = await hold(raw.baseUrl, new Array(connections).fill(undefined), topicsOf, raw.pid, settleMs);
    } finally {
      await raw.stop();
    }
    const params = { connections, topics_per_socket: topicsOf(0).length, settle_ms: settleMs, db, log_level: 'info' };
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
      // Sockets that did not stay open, and refused subscriptions, for Skein and the baseline.
      { bench: BENCH, metric: 'errors', value: connections - real.open + real.troubles, unit: 'count', params },
      {
        bench: BENCH,
        metric: 'errors',
        value: connections - bare.open + bare.troubles,
        unit: 'count',
        params: { ...params, server: 'raw-ws' },
      },
    ];
    return out;
  } finally {
    await place.remove();
  }
};
