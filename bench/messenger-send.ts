import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { openDatabase } from '../platform/server/db/database.js';
import { newId } from '../platform/shared/ids.js';
import { openFleet } from './harness/client-fleet.js';
import { jsonClient } from './harness/http.js';
import { atRate } from './harness/load.js';
import { ensureServerBuild, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { type Bench, percentile } from './report.js';

/*
 * messenger.send: persisted, acknowledged sends at 500/s (open loop: on schedule whether or not
 * earlier sends finished; latency from the scheduled moment to the 201) through
 * POST /api/chats/:id/messages on the built server (SQLite), ten members taking turns, every
 * member with a socket subscribed to the chat. Baseline: the bare SQLite write of one message
 * (bump the chat's seq, insert the row, one transaction) on a file with the same schema and
 * pragmas (raw-sql-insert).
 */

const BENCH = 'messenger.send';

/** Times the bare write of `count` messages; returns per-write latencies in ms. */
function bareInserts(dataDir: string, chatId: string, senderId: string, count: number, tag: string): number[] {
  const db = new SQLite(path.join(dataDir, 'skein.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const bump = db.prepare('update msg_chats set last_seq = last_seq + 1, last_message_at = ? where id = ? returning last_seq');
  const insert = db.prepare(`insert into msg_messages (id, chat_id, seq, sender_id, client_id, kind, content, text, mentions,
    thread_reply_count, created_at) values (?, ?, ?, ?, ?, 'text', ?, ?, '[]', 0, ?)`);
  const write = db.transaction((i: number) => {
    const now = Date.now();
    const { last_seq } = bump.get(now, chatId) as { last_seq: number };
    const text = `send ${i}: 缙云工厂新产线 line check`;
    insert.run(newId('msg'), chatId, last_seq, senderId, `${tag}${i}`, JSON.stringify({ text }), text, now);
  });
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    write(i);
    out.push(performance.now() - t0);
  }
  db.close();
  return out;
}

export const messengerSend: Bench = async ({ quick }) => {
  const rate = quick ? 50 : 500;
  const seconds = quick ? 1 : 10;
  const members = 10;
  const prior = quick ? 1000 : 100_000;
  ensureServerBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-send-'));
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skein-bench-send-bare-'));
  try {
    const { admin, people } = await seedPeople(dataDir, members - 1);
    const everyone = [admin, ...people];
    const seed = async (dir: string) => {
      const handle = openDatabase({ dataDir: dir });
      try {
        return await seedChatHistory(handle.db, {
          name: 'Send 缙云工厂新产线',
          ownerId: admin.userId,
          memberIds: people.map((p) => p.userId),
          messages: prior,
        });
      } finally {
        await handle.close();
      }
    };
    const chatId = await seed(dataDir);

    const skein = await startSkein(dataDir);
    const fleet = await openFleet(
      skein.baseUrl,
      everyone.map((p) => p.cookie),
    );
    const http = jsonClient(skein.baseUrl, 64);
    let latencies: number[] = [];
    let acked = 0;
    let errors = 0;
    let elapsed = 0;
    try {
      await fleet.subscribeAll(() => `chat:${chatId}`);
      const send = async (i: number, intendedAt: number, tag: string) => {
        const res = await http.request(
          'POST',
          `/api/chats/${chatId}/messages`,
          { clientId: `${tag}${i}`, kind: 'text', content: { text: `send ${i}: 缙云工厂新产线 line check` } },
          everyone[i % members].cookie,
        );
        if (res.status !== 201 && res.status !== 200) {
          if (errors++ === 0) console.error(`send failed: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          return;
        }
        acked++;
        latencies.push(performance.now() - intendedAt);
      };
      await atRate(rate, rate, (i, at) => send(i, at, 'warm-'));
      latencies = [];
      acked = 0;
      const started = performance.now();
      await atRate(rate, rate * seconds, (i, at) => send(i, at, 'm-'));
      elapsed = performance.now() - started;
    } finally {
      http.close();
      await fleet.close();
      await skein.stop();
    }

    // The baseline writes into its own copy of the same schema.
    await seedPeople(bareDir, 0);
    const bareChat = await seed(bareDir);
    bareInserts(bareDir, bareChat, admin.userId, 200, 'warm-');
    const bare = bareInserts(bareDir, bareChat, admin.userId, rate * seconds, 'm-');

    const params = { rate, seconds, members, subscribers: members, prior_messages: prior, db: 'sqlite', via: 'http' };
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const b50 = percentile(bare, 50);
    const b99 = percentile(bare, 99);
    return [
      {
        bench: BENCH,
        metric: 'p50_ms',
        value: p50,
        unit: 'ms',
        params,
        baseline: 'raw-sql-insert',
        baseline_value: b50,
        ratio: p50 / b50,
      },
      {
        bench: BENCH,
        metric: 'p99_ms',
        value: p99,
        unit: 'ms',
        params,
        baseline: 'raw-sql-insert',
        baseline_value: b99,
        ratio: p99 / b99,
      },
      { bench: BENCH, metric: 'sends_per_s', value: (acked * 1000) / elapsed, unit: '1/s', params },
      { bench: BENCH, metric: 'errors', value: errors, unit: 'count', params },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
};
