import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import { getContactCard } from '../shared/contract.js';
import type { MemberView } from '../shared/types.js';
import { person } from './test/factories.js';

// A valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  ({ admin } = await setupOrg(t));
});
afterAll(async () => {
  await t.close();
});

function upload(client: TestClient, bytes: Buffer, filename: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return client.fetch('/api/me/avatar', { method: 'POST', body: form });
}

describe('avatars', () => {
  test('a member uploads an image; colleagues get it back with a safe type and long caching', async () => {
    const me = await person(t, admin, { displayName: 'Picture Person' });
    const res = await upload(me.client, PNG, 'me.png', 'image/png');
    expect(res.status).toBe(200);
    const view = (await res.json()) as MemberView;
    expect(view.avatarUrl).toMatch(new RegExp(`^/api/members/${me.id}/avatar\\?v=fil_`));

    const card = await admin.api(getContactCard, { params: { userId: me.id as never } });
    expect(card.member.avatarUrl).toBe(view.avatarUrl);
    const img = await admin.fetch(view.avatarUrl as string);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('cache-control')).toContain('immutable');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);

    // A new upload replaces the image and its URL; the old URL is no longer cached for long.
    const again = (await (await upload(me.client, GIF, 'x.bin', 'application/octet-stream')).json()) as MemberView;
    expect(again.avatarUrl).not.toBe(view.avatarUrl);
    const gif = await admin.fetch(again.avatarUrl as string);
    expect(gif.headers.get('content-type')).toBe('image/gif');
    expect((await admin.fetch(view.avatarUrl as string)).headers.get('cache-control')).toContain('no-cache');
  });

  test('non-images, SVG, oversized files and empty forms are refused with 4xx codes', async () => {
    const me = await person(t, admin, { displayName: 'Sneaky' });
    const html = await upload(me.client, Buffer.from('<html><script>alert(1)</script></html>'), 'evil.png', 'image/png');
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: { code: string } }).error.code).toBe('org.avatar_not_image');

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(me.client, svg, 'a.svg', 'image/svg+xml')).status).toBe(415);

    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const tooBig = await upload(me.client, big, 'big.png', 'image/png');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe('org.avatar_too_large');

    const notMultipart = await me.client.fetch('/api/me/avatar', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(415);

    // Nothing was stored: the member still has no avatar.
    const noAvatar = await admin.fetch(`/api/members/${me.id}/avatar`);
    expect(noAvatar.status).toBe(404);
    expect(((await noAvatar.json()) as { error: { code: string } }).error.code).toBe('org.avatar_not_found');
  });

  test('avatars are for signed-in members only', async () => {
    const me = await person(t, admin, { displayName: 'Private Face' });
    await upload(me.client, PNG, 'me.png', 'image/png');
    expect((await t.client().fetch(`/api/members/${me.id}/avatar`)).status).toBe(401);
    expect((await upload(t.client(), PNG, 'me.png', 'image/png')).status).toBe(401);
  });
});
