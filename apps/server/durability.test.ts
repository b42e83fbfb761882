import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiError } from '../../platform/shared/api-client.js';
import { createToken, listTokens, setup } from '../../modules/accounts/shared/contract.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../platform/server/test/server-process.js';

// Runs on SQLite, and on PostgreSQL (a fresh schema) when TEST_DATABASE_URL is set.
let place: DataPlace;
let server: ServerProcess | undefined;

beforeAll(async () => {
  place = await freshDataPlace();
});
afterAll(async () => {
  await stopServerProcess(server);
  await place?.remove();
});

const WRITERS = 16;
const KILL_AFTER_ACKS = 150;

test('every write acknowledged before a kill -9 is there after a restart', async () => {
  server = await startServerProcess(place.env);
  if (place.dialect === 'postgres') {
    // The server found its schema through DATABASE_URL's `options=-c search_path=…` alone.
    expect(await place.tablesInSchema()).toBeGreaterThan(0);
  }
  const admin = processClient(server.baseUrl);
  await admin.api(setup, {
    body: {
      organizationName: 'Acme',
      displayName: 'Admin',
      email: 'admin@acme.test',
      password: 'correct horse battery',
      locale: 'en-US',
      timezone: 'UTC',
    },
  });

  // A steady stream of writes from concurrent clients; the process is killed from inside the
  // stream, so some writes are in flight at that moment.
  const acknowledged: string[] = [];
  let sent = 0;
  let failedAfterKill = 0;
  let killed = false;
  const proc = server;
  const writer = async (w: number) => {
    while (!killed) {
      const n = sent++;
      try {
        const { token } = await admin.api(createToken, { body: { name: `writer ${w} #${n}`, scopes: ['read'] } });
        acknowledged.push(token.id);
        if (acknowledged.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          proc.child.kill('SIGKILL');
        }
      } catch (err) {
        // Only the kill may interrupt a write; a refused write before it is a bug.
        if (!killed || err instanceof ApiError) {
          killed = true;
          proc.child.kill('SIGKILL');
          throw err;
        }
        failedAfterKill++;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  // Responses already on the wire when the process died still count as acknowledged (above).
  const exit = await proc.exited;
  expect(exit.signal).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(failedAfterKill + acknowledged.length).toBeLessThanOrEqual(sent);

  // Restart on the same data; the session cookie itself was an acknowledged write too.
  server = await startServerProcess(place.env);
  const { items } = await processClient(server.baseUrl, admin.cookieHeader()).api(listTokens);
  const present = new Set<string>(items.map((t) => t.id));
  const missing = acknowledged.filter((id) => !present.has(id));
  expect(missing).toEqual([]);
  // Nothing appeared that was never requested.
  expect(items.length).toBeLessThanOrEqual(sent);
});
