import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type DataPlace,
  freshDataPlace,
  type ServerProcess,
  spawnServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../platform/server/test/server-process.js';

/** Runs the server with one bad setting and returns how it ended. */
async function bootWith(env: Record<string, string>) {
  const proc = spawnServerProcess({ SKEIN_DATA_DIR: '/nonexistent/never-created', ...env });
  const { code } = await proc.exited;
  return { code, stderr: proc.stderr(), listened: proc.logs.some((l) => String(l.msg).startsWith('Server listening')) };
}

describe('a wrong setting stops the boot and names the variable', () => {
  test('PORT that is not a number', async () => {
    const r = await bootWith({ PORT: 'abc' });
    expect(r.code).not.toBe(0);
    expect(r.listened).toBe(false);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).not.toMatch(/DATABASE_URL/);
  });

  test('DATABASE_URL that is not PostgreSQL', async () => {
    const r = await bootWith({ DATABASE_URL: 'mysql://x' });
    expect(r.code).not.toBe(0);
    expect(r.listened).toBe(false);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expect(r.stderr).toMatch(/postgres/);
  });
});

describe('structured request logs', () => {
  let place: DataPlace;
  let server: ServerProcess;
  beforeAll(async () => {
    place = await freshDataPlace();
    server = await startServerProcess(place.env);
  });
  afterAll(async () => {
    await stopServerProcess(server);
    await place?.remove();
  });

  test("a caller's x-request-id is echoed and carried by every log line of that request", async () => {
    const res = await fetch(`${server.baseUrl}/api/health`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const done = await server.waitForLog((l) => l.reqId === 'lb-7f3a.42' && l.msg === 'request completed');
    expect(done.res).toEqual({ statusCode: 200 });
    const incoming = server.logs.find((l) => l.reqId === 'lb-7f3a.42' && l.msg === 'incoming request');
    expect(incoming?.req).toMatchObject({ method: 'GET', url: '/api/health' });
    expect(typeof incoming?.time).toBe('number');
  });

  test('without one, each request gets a fresh id, also on errors', async () => {
    const a = await fetch(`${server.baseUrl}/api/health`);
    const b = await fetch(`${server.baseUrl}/api/no-such-thing`);
    expect(b.status).toBe(404);
    const idA = a.headers.get('x-request-id');
    const idB = b.headers.get('x-request-id');
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    await server.waitForLog((l) => l.reqId === idB && l.msg === 'request completed');
  });

  test('a malformed x-request-id is replaced, not logged verbatim', async () => {
    const res = await fetch(`${server.baseUrl}/api/health`, { headers: { 'x-request-id': 'x'.repeat(300) } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await server.waitForLog((l) => l.reqId === id && l.msg === 'request completed');
    expect(server.logs.some((l) => String(l.reqId).startsWith('xxxx'))).toBe(false);
  });
});
