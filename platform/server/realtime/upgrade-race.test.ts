import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { invitePerson, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { resolveCaller } from '../../../modules/accounts/server/index.js';
import { createToken } from '../../../modules/accounts/shared/contract.js';
import type { UserId } from '../../shared/ids.js';
import { CLOSE_CODES } from '../../shared/realtime-protocol.js';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { createHub } from './create-hub.js';
import type { RealtimeHub } from './hub.js';
import { openSocket } from './test/test-socket.js';

// The credential is checked before the upgrade; a revoke that lands between that check and
// the socket's start must still close it, or a revoked token keeps a socket after all.

let t: TestApp;
let hub: RealtimeHub;
let server: FastifyInstance;
let url: string;
let bob: TestClient;
let bobId: UserId;
let gate: Promise<void> | undefined;
let resolved = 0;

beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  const b = await invitePerson(t, org.admin, { email: 'bob@acme.test', displayName: 'Bob' });
  bob = b.client;
  bobId = b.me.user.id as UserId;
  hub = await createHub({ authorizers: {} });
  server = Fastify({ logger: false });
  await server.register(cookie);
  await server.register(websocket);
  hub.register(server, { ...t.app.ctx, hub }, async (req) => {
    const caller = await resolveCaller(t.app.ctx, req);
    resolved++;
    if (gate) await gate;
    return caller;
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await server?.close();
  await hub?.close();
  await t?.close();
});

test('a token revoked while its socket is being opened gets that socket closed; another token’s socket opens', async () => {
  const revoked = await bob.api(createToken, { body: { name: 'revoked', scopes: ['read'] } });
  const kept = await bob.api(createToken, { body: { name: 'kept', scopes: ['read'] } });
  let release!: () => void;
  gate = new Promise((r) => {
    release = r;
  });
  const opening = [openSocket(url, { bearer: revoked.secret }), openSocket(url, { bearer: kept.secret })];
  const deadline = Date.now() + 3000;
  while (resolved < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(resolved).toBe(2);

  // Both credentials were valid when checked; now one of them ends.
  await hub.disconnect(bobId, { tokenId: revoked.token.id });
  gate = undefined;
  release();
  const [revokedSocket, keptSocket] = await Promise.all(opening);

  const closedSoon = Promise.race([revokedSocket.closed, new Promise((r) => setTimeout(() => r('still open'), 2000))]);
  expect(await closedSoon).toEqual({ code: CLOSE_CODES.disconnected, reason: 'realtime.disconnected' });
  expect(await keptSocket.subscribe(`user:${bobId}`)).toMatchObject({ type: 'subscribed' });
  await hub.publish(`user:${bobId}`, { marker: 'kept' });
  expect(await keptSocket.next('event')).toMatchObject({ data: { marker: 'kept' } });
  keptSocket.close();
});
