import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './sqlite-driver.js';
import { sqliteDriverName } from './sqlite-driver.js';

const require = createRequire(import.meta.url);

/** How often the checkpointer copies the WAL back into the database file. */
const DEFAULT_INTERVAL_MS = 1000;

/*
 * The worker's whole program, run with `eval` so the one-file server bundle needs no second
 * entry point. Its own connection runs PASSIVE checkpoints: they copy committed WAL frames into
 * the database file without ever blocking the writer, which keeps going on the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('wal_autocheckpoint = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default SQLite checkpoints inside the
 * commit that pushes the WAL past 1,000 pages: better-sqlite3 is synchronous, so that commit
 * (writing ~4 MB back and two fsyncs) stalls every request and every live delivery for tens of
 * milliseconds — the fan-out benchmark's worst latencies lined up with them (issue #6, item 15).
 * Here the main connection never checkpoints; a worker thread with its own connection does,
 * every second. Durability is unchanged: a commit is still complete once in the WAL (ADR 0002).
 * If the worker dies, the main connection takes automatic checkpoints back, so the WAL never
 * grows without bound.
 */
export function startCheckpointer(
  sqlite: SqliteDatabase,
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  sqlite.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driverPath: require.resolve(sqliteDriverName()), file, intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS },
  });
  // The timer in the worker must not keep a finished process alive.
  worker.unref();
  let stopping = false;
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  const fallBack = () => {
    if (stopping || !sqlite.open) return;
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', (err) => {
    options.onError?.(String(err));
    fallBack();
  });
  worker.on('exit', fallBack);
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      // Referenced again while it finishes: otherwise a process with nothing else left to do
      // would exit in the middle of this await, skipping whatever shutdown does next.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      // A worker wedged on a lock must not hold up shutdown.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await worker.terminate();
    },
  };
}
