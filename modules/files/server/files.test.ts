import { expectCode } from '../../../platform/server/test/expect-code.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestClient } from '../../../platform/server/test/harness.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { invitePerson, setupOrg } from '../../accounts/server/test/factories.js';
import { deleteFile, getFile } from '../shared/contract.js';
import { setFileScope } from './index.js';
import { pngBytes, postFile, uploadFile } from './test/factories.js';

let t: TestApp;
let alice: TestClient;
let bob: TestClient;
let aliceId: string;

beforeAll(async () => {
  t = await startTestApp({ SKEIN_MAX_UPLOAD_MB: '1' });
  const { admin, me } = await setupOrg(t);
  alice = admin;
  aliceId = me.user.id;
  bob = (await invitePerson(t, admin, { email: 'bob@acme.test', displayName: 'Bob' })).client;
});
afterAll(async () => {
  await t.close();
});

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** Every file under the data directory's file store, relative to it. */
function storedPaths(): string[] {
  const root = path.join(t.app.ctx.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(root, p)).isFile());
}

describe('files', () => {
  test('an uploaded file downloads with identical bytes, its name intact and safe headers', async () => {
    const bytes = pngBytes(200_000);
    const file = await uploadFile(alice, '季度报告 final (v2).png', bytes);
    expect(file).toMatchObject({
      name: '季度报告 final (v2).png',
      size: bytes.length,
      contentType: 'image/png',
      disposition: 'inline',
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await alice.api(getFile, { params: { fileId: file.id } })).toEqual(file);

    const res = await alice.fetch(`/api/files/${file.id}/content`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).toContain("filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E5%91%8A%20final%20%28v2%29.png");

    // Revalidation still goes through the access check, and answers 304 when nothing changed.
    const again = await alice.fetch(`/api/files/${file.id}/content`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  test('a private file is invisible to another member and to anonymous visitors', async () => {
    const file = await uploadFile(alice, 'salary.txt', Buffer.from('alice: 100\n'));
    await expectCode(bob.api(getFile, { params: { fileId: file.id } }), 'file.not_found');
    const download = await bob.fetch(`/api/files/${file.id}/content`);
    expect(download.status).toBe(404);
    expect(await errorCode(download)).toBe('file.not_found');
    // Same answer as for an id that never existed: existence does not leak.
    await expectCode(bob.api(getFile, { params: { fileId: 'fil_01ARZ3NDEKTSV4RRFFQ69G5FAV' } }), 'file.not_found');
    await expectCode(bob.api(deleteFile, { params: { fileId: file.id } }), 'file.not_found');

    const anon = t.client();
    const anonDownload = await anon.fetch(`/api/files/${file.id}/content`);
    expect(anonDownload.status).toBe(401);
    expect(await errorCode(anonDownload)).toBe('auth.required');
    const anonUpload = await postFile(anon, 'x.txt', Buffer.from('x'));
    expect(anonUpload.status).toBe(401);
  });

  test('sharing decides who reads: org-wide opens it, an unknown scope stays closed, strangers cannot share', async () => {
    const file = await uploadFile(alice, 'handbook.txt', Buffer.from('welcome'));
    const bobMe = await bob.fetch('/api/auth/me').then((r) => r.json());
    // Knowing an id is not enough to pull someone else's file into your own scope.
    const stolen = await setFileScope(t.app.ctx.db, { fileId: file.id, ownerId: bobMe.user.id, scope: 'org:all' }).catch(
      (e) => e,
    );
    expect(stolen.code).toBe('file.not_found');

    await setFileScope(t.app.ctx.db, { fileId: file.id, ownerId: aliceId, scope: 'org:all' });
    expect((await bob.api(getFile, { params: { fileId: file.id } })).name).toBe('handbook.txt');
    const res = await bob.fetch(`/api/files/${file.id}/content`);
    expect(await res.text()).toBe('welcome');

    // No module answers for "nope:": fail closed for everybody but the uploader.
    await setFileScope(t.app.ctx.db, { fileId: file.id, ownerId: aliceId, scope: 'nope:chat_1' });
    await expectCode(bob.api(getFile, { params: { fileId: file.id } }), 'file.not_found');
    expect((await alice.api(getFile, { params: { fileId: file.id } })).id).toBe(file.id);
  });

  test('a file over the size limit is refused with 413 and leaves nothing on disk', async () => {
    const before = storedPaths();
    const res = await postFile(alice, 'big.bin', Buffer.alloc(1024 * 1024 + 10, 7));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('request.too_large');
    expect(storedPaths()).toEqual(before);
  });

  test('an empty file or a multipart body without a file is refused', async () => {
    const empty = await postFile(alice, 'empty.txt', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(await errorCode(empty)).toBe('file.empty');

    const boundary = 'xyz';
    const noFile = await alice.fetch('/api/files', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(noFile.status).toBe(400);
    expect(await errorCode(noFile)).toBe('file.missing');

    // Cut-off or boundary-less bodies are the client's problem: 400, not 500.
    const broken: [string, string][] = [
      ['multipart/form-data', `--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc\r\n--x--\r\n`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`],
    ];
    for (const [type, body] of broken) {
      const res = await alice.fetch('/api/files', { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, type).toBe(400);
      expect(await errorCode(res)).toBe('file.malformed_upload');
    }

    const json = await alice.fetch('/api/files', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'aGVsbG8=' }),
    });
    expect(json.status).toBe(415);
    expect(await errorCode(json)).toBe('request.unsupported_media_type');
  });

  test('path-like and disguised names are cleaned for display and never reach the disk path', async () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\system32\\evil.txt', 'evil.txt'],
      ['a\u0000b.txt', 'ab.txt'],
      ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
      ['..', 'file'],
    ];
    for (const [raw, shown] of cases) {
      const file = await uploadFile(alice, raw, Buffer.from(`contents of ${shown}`));
      expect(file.name, raw).toBe(shown);
      const res = await alice.fetch(`/api/files/${file.id}/content`);
      expect(await res.text()).toBe(`contents of ${shown}`);
    }
    // Everything stored is `<shard>/<file id>`, inside the file store.
    for (const p of storedPaths()) expect(p).toMatch(/^[0-9A-Z]{2}[/\\]fil_[0-9A-Z]{26}$/);
    expect(fs.existsSync(path.join(t.app.ctx.config.dataDir, 'etc'))).toBe(false);
  });

  test('the type comes from the bytes: markup never renders, images show in place, programs are refused', async () => {
    const html = await uploadFile(alice, 'photo.png', Buffer.from('<!DOCTYPE html><script>alert(document.cookie)</script>'));
    expect(html).toMatchObject({ contentType: 'application/octet-stream', disposition: 'attachment' });
    const htmlRes = await alice.fetch(`/api/files/${html.id}/content`);
    expect(htmlRes.headers.get('content-type')).toBe('application/octet-stream');
    expect(htmlRes.headers.get('content-disposition')).toMatch(/^attachment;/);

    const svg = await uploadFile(alice, 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
    expect(svg).toMatchObject({ contentType: 'application/octet-stream', disposition: 'attachment' });

    const xmlSvg = await uploadFile(
      alice,
      'logo2.svg',
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(xmlSvg.disposition).toBe('attachment');
    expect(xmlSvg.contentType).not.toMatch(/svg|xml|html/);

    const png = await uploadFile(alice, 'notes.txt', pngBytes());
    expect(png).toMatchObject({ contentType: 'image/png', disposition: 'inline' });

    const pdf = await uploadFile(alice, 'plan.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    expect(pdf).toMatchObject({ contentType: 'application/pdf', disposition: 'attachment' });

    const text = await uploadFile(alice, 'readme.md', Buffer.from('# 你好\nplain text'));
    expect(text).toMatchObject({ contentType: 'text/plain; charset=utf-8', disposition: 'attachment' });

    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const refused = await postFile(alice, 'tool.jpg', elf);
    expect(refused.status).toBe(415);
    expect(await errorCode(refused)).toBe('file.type_refused');
    const pe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(0x3a),
      Buffer.from([0x80, 0, 0, 0]),
      Buffer.alloc(0x40),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200),
    ]);
    const refusedPe = await postFile(alice, 'setup.exe', pe);
    expect(refusedPe.status).toBe(415);
  });

  test('the owner moves a file to the trash; then nobody can read it', async () => {
    const file = await uploadFile(alice, 'old.txt', Buffer.from('old'));
    await setFileScope(t.app.ctx.db, { fileId: file.id, ownerId: aliceId, scope: 'org:all' });
    await expectCode(bob.api(deleteFile, { params: { fileId: file.id } }), 'file.not_owner');
    expect(await alice.api(deleteFile, { params: { fileId: file.id } })).toEqual({ ok: true });
    await expectCode(alice.api(getFile, { params: { fileId: file.id } }), 'file.not_found');
    expect((await bob.fetch(`/api/files/${file.id}/content`)).status).toBe(404);
  });
});
