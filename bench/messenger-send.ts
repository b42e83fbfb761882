import path from 'node:path';
import { openSqlite } from '../platform/server/db/sqlite-driver.js';
import pg from 'pg';
import { seedChatHistory } from '../modules/messenger/server/index.js';
import { newId } from '../platform/shared/ids.js';
import { openFleet } from './harness/client-fleet.js';
import { type DataPlace, freshPlace } from './harness/data-place.js';
import { Deliveries } from './harness/deliveries.js';
import { jsonClient } from './harness/http.js';
import { atRate } from './harness/load.js';
import { ensureServerBuild, type ProbeReport, startSkein } from './harness/processes.js';
import { seedPeople } from './harness/seed-people.js';
import { walCheckpointSeq } from './harness/sqlite-wal.js';
import { type Bench, type Measurement, percentile } from './report.js';

/*
 * messenger.send: persisted, acknowledged sends at 500/s (open loop: on schedule whether or not
 * earlier sends finished; latency from the scheduled moment to the 201) through
 * POST /api/chats/:id/messages on the built server as `npm start` runs it (default log level),
 * on SQLite or PostgreSQL (`--db postgres`), ten members taking turns, every member with a
 * socket subscribed as the web client subscribes (`user:<id>` and the chat); every socket must
 * receive every message exactly once and in order. Baseline: the bare write of one message
 * (bump the chat's seq, insert the row, one transaction) on a copy of the schema in the same
 * database engine (raw-sql-insert), timed write by write.
 */

const BENCH = 'messenger.send';

const BUMP = 'update msg_chats set last_seq = last_seq + 1, last_message_at = ? where id = ? returning last_seq';
const INSERT = `insert into msg_messages (id, chat_id, seq, sender_id, client_id, kind, content, text, mentions,
    thread_reply_count, created_at) values (?, ?, ?, ?, ?, 'text', ?, ?, '[]', 0, ?)`;

/** `?` placeholders as PostgreSQL's `$1, $2 …`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Times the bare write of `count` messages; returns per-write latencies in ms. */
async function bareInserts(place: DataPlace, chatId: string, senderId: string, count: number, tag: string): Promise<number[]> {
  const out: number[] = [];
  if (place.db === 'sqlite') {
    const db = openSqlite(path.join(place.dataDir, 'skein.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const bump = db.prepare(BUMP);
    const insert = db.prepare(INSERT);
    const write = db.transaction((i: number) => {
      const now = Date.now();
      const { last_seq } = bump.get(now, chatId) as { last_seq: number };
      const text = `send ${i}: 缙云工厂新产线 line check`;
      insert.run(newId('msg'), chatId, last_seq, senderId, `${tag}${i}`, JSON.stringify({ text }), text, now);
    });
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      write(i);
      out.push(performance.now() - t0);
    }
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: place.databaseUrl });
  await client.connect();
  try {
    const bump = { name: 'bench-bump', text: numbered(BUMP) };
    const insert = { name: 'bench-insert', text: numbered(INSERT) };
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const now = Date.now();
      const text = `send ${i}: 缙云工厂新产线 line check`;
      await client.query('begin');
      const { rows } = await client.query({ ...bump, values: [now, chatId] });
      await client.query({
        ...insert,
        values: [newId('msg'), chatId, rows[0].last_seq, senderId, `${tag}${i}`, JSON.stringify({ text }), text, now],
      });
      await client.query('commit');
      out.push(performance.now() - t0);
    }
  } finally {
    await client.end();
  }
  return out;
}

export const messengerSend: Bench = async ({ quick, db = 'sqlite' }) => {
  const rate = quick ? 50 : 500;
  const seconds = quick ? 1 : 10;
  const members = 10;
  const prior = quick ? 1000 : 100_000;
  ensureServerBuild();
  const place = await freshPlace(db, 'send');
  const barePlace = await freshPlace(db, 'send-bare');
  try {
    const { admin, people } = await seedPeople(place, members - 1);
    const everyone = [admin, ...people];
    const seed = async (where: DataPlace) => {
      const handle = where.open();
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
    const chatId = await seed(place);

    const skein = await startSkein(place.serverEnv, path.join(place.dataDir, 'server.log'));
    const deliveries = new Deliveries(members);
    const fleet = await openFleet(
      skein.baseUrl,
      everyone.map((p) => p.cookie),
      { onFrame: deliveries.onFrame },
    );
    const http = jsonClient(skein.baseUrl, 64);
    let latencies: number[] = [];
    let acked = 0;
    let totalAcked = 0;
    let errors = 0;
    let elapsed = 0;
    let probe: ProbeReport;
    let walCheckpoints: number | undefined;
    let logBytesPerSend = 0;
    try {
      await fleet.subscribeAll((i) => [`user:${everyone[i].userId}`, `chat:${chatId}`]);
      const send = async (i: number, intendedAt: number, tag: string) => {
        try {
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
        } catch (err) {
          if (errors++ === 0) console.error('send failed:', err);
          return;
        }
        acked++;
        totalAcked++;
        latencies.push(performance.now() - intendedAt);
      };
      await atRate(rate, rate, (i, at) => send(i, at, 'warm-'));
      latencies = [];
      acked = 0;
      const logBefore = skein.logBytes();
      const walBefore = walCheckpointSeq(place.sqliteFile);
      await skein.probe.start();
      const started = performance.now();
      await atRate(rate, rate * seconds, (i, at) => send(i, at, 'm-'));
      elapsed = performance.now() - started;
      probe = await skein.probe.stop();
      logBytesPerSend = (skein.logBytes() - logBefore) / Math.max(1, acked);
      const walAfter = walCheckpointSeq(place.sqliteFile);
      if (walBefore !== undefined && walAfter !== undefined) walCheckpoints = walAfter - walBefore;
      await deliveries.settle(totalAcked * members);
    } finally {
      http.close();
      await fleet.close();
      await skein.stop();
    }

    // The baseline writes into its own copy of the same schema, in the same database engine.
    await seedPeople(barePlace, 0);
    const bareChat = await seed(barePlace);
    await bareInserts(barePlace, bareChat, admin.userId, 200, 'warm-');
    const bare = await bareInserts(barePlace, bareChat, admin.userId, rate * seconds, 'm-');

    const params = { rate, seconds, members, subscribers: members, prior_messages: prior, db, via: 'http', log_level: 'info' };
    const vsBare = (metric: string, p: number): Measurement => {
      const value = percentile(latencies, p);
      const base = percentile(bare, p);
      return {
        bench: BENCH,
        metric,
        value,
        unit: 'ms',
        params,
        baseline: 'raw-sql-insert',
        baseline_value: base,
        ratio: value / base,
      };
    };
    const alone = (metric: string, value: number, unit: string): Measurement => ({ bench: BENCH, metric, value, unit, params });
    return [
      vsBare('p50_ms', 50),
      vsBare('p99_ms', 99),
      alone('sends_per_s', (acked * 1000) / elapsed, '1/s'),
      alone('server_cpu_us_per_send', (probe.cpuUserUs + probe.cpuSystemUs) / Math.max(1, acked), 'us'),
      alone('server_loop_delay_p99_ms', probe.loopDelayP99Ms, 'ms'),
      alone('server_loop_delay_max_ms', probe.loopDelayMaxMs, 'ms'),
      alone('server_gc_pause_ms_total', probe.gcPauseMsTotal, 'ms'),
      alone('server_gc_pause_max_ms', probe.gcPauseMaxMs, 'ms'),
      alone('server_log_bytes_per_send', logBytesPerSend, 'B'),
      ...(walCheckpoints !== undefined ? [alone('server_wal_checkpoints', walCheckpoints, 'count')] : []),
      alone('lost', deliveries.lost(prior + totalAcked, prior + 1), 'count'),
      alone('duplicated', deliveries.duplicated, 'count'),
      alone('out_of_order', deliveries.outOfOrder, 'count'),
      alone('errors', errors + fleet.troubles(), 'count'),
    ];
  } finally {
    await place.remove();
    await barePlace.remove();
  }
};
