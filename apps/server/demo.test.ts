import { afterEach, describe, expect, test } from 'vitest';
import { login, setup } from '../../modules/accounts/shared/contract.js';
import { DEMO_PASSWORD } from '../../modules/org/server/index.js';
import {
  type DataPlace,
  freshDataPlace,
  processClient,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../../platform/server/test/server-process.js';
import { DEMO_DATA_DIR, demoEnv } from './demo.js';

let place: DataPlace | undefined;
let server: ServerProcess | undefined;
afterEach(async () => {
  await stopServerProcess(server);
  await place?.remove();
  server = undefined;
  place = undefined;
});

/** Sign-in as the demo administrator: the status code the person at the login page would get. */
async function demoAdminSignIn(baseUrl: string): Promise<number> {
  return processClient(baseUrl)
    .api(login, { body: { email: 'admin@demo.skein', password: DEMO_PASSWORD } })
    .then(
      () => 200,
      (err: { status?: number }) => err.status ?? 0,
    );
}

describe('npm run demo', () => {
  test('keeps its own data folder unless SKEIN_DATA_DIR or DATABASE_URL chooses one', () => {
    expect(demoEnv({}).SKEIN_DATA_DIR).toBe(DEMO_DATA_DIR);
    expect(demoEnv({ SKEIN_DATA_DIR: '' }).SKEIN_DATA_DIR).toBe(DEMO_DATA_DIR);
    expect(demoEnv({ SKEIN_DATA_DIR: '/srv/skein' }).SKEIN_DATA_DIR).toBe('/srv/skein');
    expect(demoEnv({ DATABASE_URL: 'postgres://db/skein' }).SKEIN_DATA_DIR).toBeUndefined();
  });

  test('on a folder that already has an organization, says plainly that the demo was not loaded and how to get it', async () => {
    place = await freshDataPlace();
    server = await startServerProcess(place.env);
    await processClient(server.baseUrl).api(setup, {
      body: {
        organizationName: 'Acme Real',
        displayName: 'Admin',
        email: 'admin@acme.test',
        password: 'correct horse battery',
        locale: 'en-US',
        timezone: 'UTC',
      },
    });
    await stopServerProcess(server);

    server = await startServerProcess(place.env, ['--demo']);
    const said = server.stderr();
    expect(said).toMatch(/DEMO WAS NOT LOADED/);
    expect(said).toContain('Acme Real');
    if (place.dialect === 'sqlite') {
      expect(said).toContain(place.env.SKEIN_DATA_DIR);
      expect(said).toContain(`SKEIN_DATA_DIR=${DEMO_DATA_DIR} npm run demo`);
    } else expect(said).toContain('DATABASE_URL');
    expect(await demoAdminSignIn(server.baseUrl)).toBe(401);
  }, 60_000);

  test('on an empty folder, loads and says how to sign in; the demo accounts work', async () => {
    place = await freshDataPlace();
    server = await startServerProcess(place.env, ['--demo']);
    expect(server.stderr()).toMatch(/Demo organization ready/);
    expect(server.stderr()).toContain(`admin@demo.skein`);
    expect(await demoAdminSignIn(server.baseUrl)).toBe(200);
  }, 120_000);
});
