import path from 'node:path';
import { openSqlite } from '../platform/server/db/sqlite-driver.js';
import pg from 'pg';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { freshPlace } from './harness/data-place.js';
import { jsonClient } from './harness/http.js';
import { atRate } from './harness/load.js';
import { ensureServerBuild, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { type Bench, type Measurement, percentile } from './report.js';

/*
 * messenger.history: a group with 1,000,000 messages (bulk-written by the messenger's
 * seedChatHistory), served by the built server as `npm start` runs it (default log level), on
 * SQLite or PostgreSQL (`--db postgres`). Readers open the chat (latest 50) and scroll back
 * page by page through GET /api/chats/:id/messages?before=…; half jump to random depths and
 * scroll from there. Pages are requested open loop at a fixed rate, readers interleaved, each
 * page's `before` known in advance (seqs are consecutive, which every page is checked for), and
 * latency runs from the scheduled moment: a stall shows in every page it delays. Baseline: the
 * bare SQL of one page (`… where chat_id = ? and seq < ? order by seq desc limit 50`) on the
 * same database, the same pages, timed query by query (raw-sql).
 */

const BENCH = 'messenger.history';
const PAGE = 50;
const SQL = 'select * from msg_messages where chat_id = ? and seq < ? order by seq desc limit ?';

interface Page {
  items: { seq: number }[];
  hasMoreBefore: boolean;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const messengerHistory: Bench = async ({ quick, db = 'sqlite' }) => {
  const messages = quick ? 20_000 : 1_000_000;
  const sessions = quick ? 4 : 20;
  const pagesPerSession = quick ? 10 : 50;
  const rate = quick ? 100 : 200;
  ensureServerBuild();
  const place = await freshPlace(db, 'history');
  try {
    const { admin, people } = await seedPeople(place, 4);
    const handle = place.open();
    const seedStart = performance.now();
    let chatId: string;
    try {
      chatId = await seedChatHistory(handle.db, {
        name: 'History 缙云工厂新产线',
        ownerId: admin.userId,
        memberIds: people.map((p) => p.userId),
        senderIds: [admin.userId, ...people.map((p) => p.userId)],
        messages,
      });
    } finally {
      await handle.close();
    }
    const seedMs = performance.now() - seedStart;

    // Every reader's pages, `before` undefined for the newest page; readers take turns in the schedule.
    const r = rng(20261121);
    const readers: (number | undefined)[][] = [];
    for (let s = 0; s < sessions; s++) {
      const start =
        s % 2 === 0 ? messages + 1 : Math.floor(r() * (messages - PAGE * pagesPerSession)) + 1 + PAGE * pagesPerSession;
      readers.push(
        Array.from({ length: pagesPerSession }, (_, k) => (k === 0 && start === messages + 1 ? undefined : start - k * PAGE)),
      );
    }
    const schedule: (number | undefined)[] = [];
    for (let k = 0; k < pagesPerSession; k++) for (const pages of readers) schedule.push(pages[k]);

    const skein = await startSkein(place.serverEnv, path.join(place.dataDir, 'server.log'));
    const http = jsonClient(skein.baseUrl, 16);
    const real: number[] = [];
    let errors = 0;
    try {
      const load = async (before: number | undefined, scheduledAt: number, measure: boolean) => {
        const query = before === undefined ? `?limit=${PAGE}` : `?before=${before}&limit=${PAGE}`;
        let res: { status: number; body: Page };
        try {
          res = await http.request<Page>('GET', `/api/chats/${chatId}/messages${query}`, undefined, people[0].cookie);
        } catch (err) {
          if (errors++ === 0) console.error('page failed:', err);
          return;
        }
        if (measure) real.push(performance.now() - scheduledAt);
        // Correctness: a full page of consecutive seqs ending right below `before`.
        const end = (before ?? messages + 1) - 1;
        const want = Math.min(PAGE, end);
        const page = res.body;
        const ok =
          res.status === 200 &&
          page.items.length === want &&
          page.items.every((m, k) => m.seq === end - want + 1 + k) &&
          page.hasMoreBefore === end > want;
        if (!ok && errors++ === 0)
          console.error(`wrong page before=${before}: HTTP ${res.status} ${JSON.stringify(page).slice(0, 300)}`);
      };

      // Warm-up: the process, statement caches, the index's upper pages.
      for (let i = 0; i < 20; i++) await load(undefined, performance.now(), false);
      await atRate(rate, schedule.length, (i, at) => load(schedule[i], at, true));
    } finally {
      http.close();
      await skein.stop();
    }

    const baseline = await bareQueries(place, chatId, schedule, messages);
    const params = {
      messages,
      page: PAGE,
      sessions,
      pages_per_session: pagesPerSession,
      rate,
      db,
      via: 'http',
      log_level: 'info',
    };
    const vsBare = (metric: string, p: number): Measurement => {
      const value = percentile(real, p);
      const base = percentile(baseline, p);
      return { bench: BENCH, metric, value, unit: 'ms', params, baseline: 'raw-sql', baseline_value: base, ratio: value / base };
    };
    return [
      vsBare('p50_ms', 50),
      vsBare('p95_ms', 95),
      vsBare('p99_ms', 99),
      { bench: BENCH, metric: 'seeded_messages_per_s', value: (messages * 1000) / seedMs, unit: '1/s', params },
      { bench: BENCH, metric: 'pages', value: real.length, unit: 'count', params },
      { bench: BENCH, metric: 'errors', value: errors + schedule.length - real.length, unit: 'count', params },
    ];
  } finally {
    await place.remove();
  }
};

/** The bare query of each scheduled page, timed one by one (after a warm-up), on the same database. */
async function bareQueries(
  place: Awaited<ReturnType<typeof freshPlace>>,
  chatId: string,
  schedule: (number | undefined)[],
  messages: number,
): Promise<number[]> {
  const out: number[] = [];
  if (place.db === 'sqlite') {
    const raw = openSqlite(place.sqliteFile!, { readonly: true });
    try {
      const bare = raw.prepare(SQL);
      for (let i = 0; i < 20; i++) bare.all(chatId, messages + 1, PAGE);
      for (const before of schedule) {
        const t0 = performance.now();
        bare.all(chatId, before ?? messages + 1, PAGE);
        out.push(performance.now() - t0);
      }
    } finally {
      raw.close();
    }
    return out;
  }
  const client = new pg.Client({ connectionString: place.databaseUrl });
  await client.connect();
  try {
    let n = 0;
    const query = { name: 'bench-page', text: SQL.replace(/\?/g, () => `$${++n}`) };
    for (let i = 0; i < 20; i++) await client.query({ ...query, values: [chatId, messages + 1, PAGE] });
    for (const before of schedule) {
      const t0 = performance.now();
      await client.query({ ...query, values: [chatId, before ?? messages + 1, PAGE] });
      out.push(performance.now() - t0);
    }
  } finally {
    await client.end();
  }
  return out;
}
