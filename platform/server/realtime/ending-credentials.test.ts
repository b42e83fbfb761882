import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { invitePerson, PASSWORD, setupOrg } from '../../../modules/accounts/server/test/factories.js';
import { changePassword, createToken, login, revokeToken, setMemberActive } from '../../../modules/accounts/shared/contract.js';
import { CLOSE_CODES } from '../../shared/realtime-protocol.js';
import { startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { openSocket, type TestSocket } from './test/test-socket.js';

// Every way a credential ends (token revoked, member deactivated, password changed) closes the
// sockets opened with it, with the documented code, and nothing more reaches them; sockets of
// credentials that live on keep working.

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await setupOrg(t)).admin;
});
afterAll(async () => {
  await t?.close();
});

const DISCONNECTED = { code: CLOSE_CODES.disconnected, reason: 'realtime.disconnected' };

async function person(email: string) {
  const p = await invitePerson(t, admin, { email, displayName: email.split('@')[0] });
  return { client: p.client, id: p.me.user.id, topic: `user:${p.me.user.id}` };
}

/** A socket already following `topic`, so the test sees whether events still reach it. */
async function following(topic: string, auth: { cookie?: string; bearer?: string }): Promise<TestSocket> {
  const socket = await openSocket(t.baseUrl, auth);
  expect(await socket.subscribe(topic)).toMatchObject({ type: 'subscribed', topic });
  return socket;
}

/** The close code and reason, or 'still open' when the socket stays open for 2 s. */
function closedSoon(socket: TestSocket) {
  return Promise.race([socket.closed, new Promise((r) => setTimeout(() => r('still open'), 2000))]);
}

async function expectReceives(socket: TestSocket, topic: string, marker: string) {
  expect(await socket.next('event')).toMatchObject({ topic, data: { marker } });
}

describe('realtime: a credential that ends takes its sockets with it', () => {
  test('revoking an access token closes the sockets opened with it; other tokens and sessions keep receiving', async () => {
    const bob = await person('bob@acme.test');
    const leaked = await bob.client.api(createToken, { body: { name: 'leaked script', scopes: ['read'] } });
    const kept = await bob.client.api(createToken, { body: { name: 'dashboard', scopes: ['read'] } });
    const leakedSocket = await following(bob.topic, { bearer: leaked.secret });
    const keptSocket = await following(bob.topic, { bearer: kept.secret });
    const browser = await following(bob.topic, { cookie: bob.client.cookieHeader() });

    await bob.client.api(revokeToken, { params: { tokenId: leaked.token.id } });
    expect(await closedSoon(leakedSocket)).toEqual(DISCONNECTED);

    await t.app.ctx.hub.publish(bob.topic, { marker: 'after revoke' });
    await expectReceives(keptSocket, bob.topic, 'after revoke');
    await expectReceives(browser, bob.topic, 'after revoke');
    expect(await leakedSocket.next('event', 200)).toBeUndefined();

    // The revoked token cannot open a new one either.
    expect((await (await openSocket(t.baseUrl, { bearer: leaked.secret })).closed).code).toBe(CLOSE_CODES.unauthorized);
    keptSocket.close();
    browser.close();
  });

  test('deactivating a member closes the sockets of their sessions and of their tokens; other people keep receiving', async () => {
    const carol = await person('carol@acme.test');
    const witness = await person('witness@acme.test');
    const { secret } = await carol.client.api(createToken, { body: { name: 'cli', scopes: ['read', 'write'] } });
    const carolBrowser = await following(carol.topic, { cookie: carol.client.cookieHeader() });
    const carolScript = await following(carol.topic, { bearer: secret });
    const witnessSocket = await following(witness.topic, { cookie: witness.client.cookieHeader() });

    await admin.api(setMemberActive, { params: { userId: carol.id as never }, body: { status: 'deactivated' } });
    expect(await closedSoon(carolBrowser)).toEqual(DISCONNECTED);
    expect(await closedSoon(carolScript)).toEqual(DISCONNECTED);

    await t.app.ctx.hub.publish(carol.topic, { marker: 'too late' });
    await t.app.ctx.hub.publish(witness.topic, { marker: 'still here' });
    await expectReceives(witnessSocket, witness.topic, 'still here');
    expect(await carolBrowser.next('event', 200)).toBeUndefined();
    expect(await carolScript.next('event', 200)).toBeUndefined();
    witnessSocket.close();
  });

  test('changing the password closes the sockets of the other sessions; this session and tokens keep receiving', async () => {
    const dave = await person('dave@acme.test');
    const laptop = dave.client;
    const phone = t.client();
    await phone.api(login, { body: { email: 'dave@acme.test', password: PASSWORD } });
    const { secret } = await laptop.api(createToken, { body: { name: 'backup', scopes: ['read'] } });
    const laptopSocket = await following(dave.topic, { cookie: laptop.cookieHeader() });
    const phoneSocket = await following(dave.topic, { cookie: phone.cookieHeader() });
    const scriptSocket = await following(dave.topic, { bearer: secret });

    await laptop.api(changePassword, { body: { currentPassword: PASSWORD, newPassword: 'a much longer new secret' } });
    expect(await closedSoon(phoneSocket)).toEqual(DISCONNECTED);

    await t.app.ctx.hub.publish(dave.topic, { marker: 'new password' });
    await expectReceives(laptopSocket, dave.topic, 'new password');
    await expectReceives(scriptSocket, dave.topic, 'new password');
    expect(await phoneSocket.next('event', 200)).toBeUndefined();
    expect((await (await openSocket(t.baseUrl, { cookie: phone.cookieHeader() })).closed).code).toBe(CLOSE_CODES.unauthorized);
    laptopSocket.close();
    scriptSocket.close();
  });
});
