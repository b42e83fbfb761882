import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { openDatabase } from '../platform/server/db/database.js';
import { expectStatus, jsonClient } from './harness/http.js';
import { ensureServerBuild, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { type Bench, percentile } from './report.js';

/*
 * messenger.history: a group with 1,000,000 messages (bulk-written by the messenger's
 * seedChatHistory), served by the built server on SQLite. A reader opens the chat (latest 50)
 * and scrolls back page by page through GET /api/chats/:id/messages?before=…; more readers
 * jump to random depths and scroll from there. Baseline: the bare SQL of one page
 * (`… where chat_id = ? and seq < ? order by seq desc limit 50`) on the same file (raw-sql).
 */

const BENCH = 'messenger.history';
const PAGE = 50;

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

export const messengerHistory: Bench = async ({ quick }) => {
  const messages = quick ? 20_000 : 1_000_000;
  const sessions = quick ? 4 : 20;
  const pagesPerSession = quick ? 10 : 50;
  ensureServerBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-history-'));
  try {
    const { admin, people } = await seedPeople(dataDir, 4);
    const handle = openDatabase({ dataDir });
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

    const skein = await startSkein(dataDir);
    const raw = new SQLite(path.join(dataDir, 'skein.db'), { readonly: true });
    const http = jsonClient(skein.baseUrl, 4);
    try {
      const bare = raw.prepare('select * from msg_messages where chat_id = ? and seq < ? order by seq desc limit ?');
      const real: number[] = [];
      const baseline: number[] = [];
      let errors = 0;
      const load = async (before: number | undefined) => {
        const query = before === undefined ? `?limit=${PAGE}` : `?before=${before}&limit=${PAGE}`;
        let t0 = performance.now();
        const page = expectStatus(
          await http.request<Page>('GET', `/api/chats/${chatId}/messages${query}`, undefined, people[0].cookie),
          'list messages',
        );
        real.push(performance.now() - t0);
        t0 = performance.now();
        bare.all(chatId, before ?? messages + 1, PAGE);
        baseline.push(performance.now() - t0);
        // Correctness: a full page of consecutive seqs ending right below `before`.
        const end = (before ?? messages + 1) - 1;
        const want = Math.min(PAGE, end);
        const ok =
          page.items.length === want &&
          page.items.every((m, k) => m.seq === end - want + 1 + k) &&
          page.hasMoreBefore === end > want;
        if (!ok) errors++;
        return page.items[0]?.seq;
      };

      // Warm-up: the process, statement caches, the index's upper pages.
      for (let i = 0; i < 20; i++) await load(undefined);
      real.length = 0;
      baseline.length = 0;

      const r = rng(20261121);
      for (let s = 0; s < sessions; s++) {
        // Half the readers open the chat at its newest messages; the others jump deep into history.
        let before: number | undefined =
          s % 2 === 0 ? undefined : Math.floor(r() * (messages - PAGE * pagesPerSession)) + 1 + PAGE * pagesPerSession;
        for (let k = 0; k < pagesPerSession; k++) {
          const oldest = await load(before);
          if (oldest === undefined || oldest <= 1) break;
          before = oldest;
        }
      }

      const params = { messages, page: PAGE, sessions, pages_per_session: pagesPerSession, db: 'sqlite', via: 'http' };
      const p50 = percentile(real, 50);
      const p95 = percentile(real, 95);
      const b50 = percentile(baseline, 50);
      const b95 = percentile(baseline, 95);
      return [
        {
          bench: BENCH,
          metric: 'p50_ms',
          value: p50,
          unit: 'ms',
          params,
          baseline: 'raw-sql',
          baseline_value: b50,
          ratio: p50 / b50,
        },
        {
          bench: BENCH,
          metric: 'p95_ms',
          value: p95,
          unit: 'ms',
          params,
          baseline: 'raw-sql',
          baseline_value: b95,
          ratio: p95 / b95,
        },
        { bench: BENCH, metric: 'seeded_messages_per_s', value: (messages * 1000) / seedMs, unit: '1/s', params },
        { bench: BENCH, metric: 'pages', value: real.length, unit: 'count', params },
        { bench: BENCH, metric: 'errors', value: errors, unit: 'count', params },
      ];
    } finally {
      http.close();
      raw.close();
      await skein.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};
