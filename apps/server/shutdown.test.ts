import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createInvite, listInvites, setup } from '../../modules/accounts/shared/contract.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../platform/server/test/server-process.js';

const PASSWORD = 'correct horse battery';
let place: DataPlace;
let server: ServerProcess | undefined;

beforeAll(async () => {
  place = await freshDataPlace();
});
afterAll(async () => {
  await stopServerProcess(server);
  await place?.remove();
});

/**
 * A login whose body arrives in two parts: the server has the request (and has logged it) but
 * cannot finish it until `finish()` sends the rest — an in-flight request we control exactly.
 */
function slowLogin(baseUrl: string, requestId: string) {
  const body = JSON.stringify({ email: 'admin@acme.test', password: PASSWORD });
  const half = Math.floor(body.length / 2);
  const url = new URL('/api/auth/login', baseUrl);
  // The client keeps its connection open after the answer, as browsers do: shutdown must not wait for it.
  const agent = new http.Agent({ keepAlive: true });
  let req!: http.ClientRequest;
  const response = new Promise<{ status: number; cookie: boolean; body: string }>((resolve, reject) => {
    req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, cookie: (res.headers['set-cookie'] ?? []).length > 0, body: text }),
        );
      },
    );
    req.on('error', reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

/** GET /api/health on a new TCP connection: its status, or 'refused' when nothing listens. */
function freshConnectionStatus(baseUrl: string): Promise<number | 'refused'> {
  return new Promise((resolve) => {
    const req = http.get(new URL('/api/health', baseUrl), { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve('refused'));
  });
}

test('SIGTERM stops taking new connections, finishes in-flight requests, then exits 0', async () => {
  server = await startServerProcess({ ...place.env });
  const admin = processClient(server.baseUrl);
  await admin.api(setup, {
    body: {
      organizationName: 'Acme',
      displayName: 'Admin',
      email: 'admin@acme.test',
      password: PASSWORD,
      locale: 'en-US',
      timezone: 'UTC',
    },
  });

  // In flight when the signal arrives: a sign-in (argon2 verify) still receiving its body,
  // and a burst of invite creations (writes) the server has already received.
  const login = slowLogin(server.baseUrl, 'slow-login');
  const invites = Array.from({ length: 8 }, (_, i) =>
    admin.withHeaders({ 'x-request-id': `invite-${i}` })(createInvite, { body: {} }),
  );
  await server.waitForLog((l) => l.reqId === 'slow-login' && l.msg === 'incoming request');
  for (let i = 0; i < 8; i++) await server.waitForLog((l) => l.reqId === `invite-${i}` && l.msg === 'incoming request');

  server.child.kill('SIGTERM');
  const shuttingDown = await server.waitForLog((l) => l.msg === 'shutting down: finishing in-flight requests');
  expect(shuttingDown.signal).toBe('SIGTERM');

  // The listener closes while the sign-in is still open: new connections are refused.
  let late: number | 'refused' = 0;
  for (let i = 0; i < 100 && late !== 'refused'; i++) {
    late = await freshConnectionStatus(server.baseUrl);
    if (late !== 'refused') await new Promise((r) => setTimeout(r, 50));
  }
  expect(late).toBe('refused');
  expect(server.child.exitCode).toBeNull();

  login.finish();
  const signedIn = await login.response;
  expect(signedIn.status).toBe(200);
  expect(signedIn.cookie).toBe(true);
  expect(JSON.parse(signedIn.body).user.email).toBe('admin@acme.test');
  const created = await Promise.all(invites);
  expect(created.every((c) => c.token.length > 0)).toBe(true);

  const { code } = await server.exited;
  expect(code).toBe(0);
  const messages = server.logs.map((l) => l.msg);
  const loginDone = server.logs.findIndex((l) => l.reqId === 'slow-login' && l.msg === 'request completed');
  expect(loginDone).toBeGreaterThan(messages.indexOf('shutting down: finishing in-flight requests'));
  expect(messages.at(-1)).toBe('stopped');

  // The invites answered during shutdown were written: they are there after a restart.
  server = await startServerProcess({ ...place.env });
  const { items } = await processClient(server.baseUrl, admin.cookieHeader()).api(listInvites);
  expect(items.map((i) => i.id).sort()).toEqual(created.map((c) => c.invite.id).sort());
});
