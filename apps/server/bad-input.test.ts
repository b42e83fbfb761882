import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOrg } from '../../modules/accounts/server/test/factories.js';
import { startTestApp, type TestApp, type TestClient } from '../../platform/server/test/harness.js';
import { createToken } from '../../modules/accounts/shared/contract.js';
import { buildPath } from '../../platform/shared/contract.js';
import { allContracts, validParams } from './test/contract-walk.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await setupOrg(t)).admin;
});
afterAll(async () => {
  await t.close();
});

interface Envelope {
  error: { code: string; message: string; details?: unknown };
}

/** A bad request must be a 4xx with a code and a message, never a 500 or a stack trace. */
async function expectRefused(res: Response, status: number, code: string): Promise<Envelope> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expectNoInternals(text);
  const body = JSON.parse(text) as Envelope;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|\.js:\d+|stack/i);
}

const json = (body: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body,
});

describe('bad input gets a 4xx with a code', () => {
  test('malformed JSON → 400 request.malformed_json', async () => {
    for (const body of ['{"name": "x", ', '{name: 1}', "{'a':1}", '\u0000']) {
      await expectRefused(await admin.fetch('/api/auth/tokens', json(body)), 400, 'request.malformed_json');
    }
  });

  test('wrong types → 400 request.validation_failed naming each field', async () => {
    const res = await admin.fetch('/api/auth/tokens', json(JSON.stringify({ name: 42, scopes: 'read' })));
    const body = await expectRefused(res, 400, 'request.validation_failed');
    const paths = (body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['name', 'scopes']);

    const badEnum = await admin.fetch('/api/auth/tokens', json(JSON.stringify({ name: 'x', scopes: ['root'] })));
    await expectRefused(badEnum, 400, 'request.validation_failed');
    const notObject = await admin.fetch('/api/auth/tokens', json('[1,2,3]'));
    await expectRefused(notObject, 400, 'request.validation_failed');
    const badParam = await admin.fetch('/api/files/not-a-file-id');
    await expectRefused(badParam, 400, 'request.validation_failed');
  });

  test('unknown fields → 400, in bodies, in queries and where nothing was expected', async () => {
    const extra = await admin.fetch('/api/auth/tokens', json(JSON.stringify({ name: 'x', scopes: ['read'], isAdmin: true })));
    const body = await expectRefused(extra, 400, 'request.validation_failed');
    expect(JSON.stringify(body.error.details)).toContain('unrecognized_keys');
    await expectRefused(await admin.fetch('/api/auth/me?debug=1'), 400, 'request.validation_failed');
    await expectRefused(await admin.fetch('/api/auth/logout', json('{"everywhere":true}')), 400, 'request.validation_failed');
    // Prototype pollution attempts are refused by the JSON parser itself.
    const proto = await admin.fetch('/api/auth/tokens', json('{"name":"x","scopes":["read"],"__proto__":{"admin":true}}'));
    expect(proto.status).toBe(400);
    expectNoInternals(await proto.text());
  });

  test('a JSON body over 1 MB → 413 request.too_large', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), scopes: ['read'] });
    await expectRefused(await admin.fetch('/api/auth/tokens', json(huge)), 413, 'request.too_large');
  });

  test("bytes the HTTP parser refuses (raw UTF-8 in a path, huge headers) → 4xx with a code, not Fastify's bare answer", async () => {
    const raw = (request: Buffer) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(t.baseUrl);
        const socket = net.connect(Number(port), hostname, () => socket.end(request));
        let text = '';
        socket.setEncoding('utf8').on('data', (c: string) => {
          text += c;
        });
        socket.on('close', () => resolve(text)).on('error', reject);
      });
    const utf8Path = await raw(Buffer.from('GET /api/members?q=何建华 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
    expect(utf8Path).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(utf8Path.slice(utf8Path.indexOf('\r\n\r\n') + 4)) as Envelope;
    expect(body.error.code).toBe('request.malformed');
    const hugeHeader = await raw(Buffer.from(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(hugeHeader).toMatch(/^HTTP\/1\.1 431 /);
    expect(hugeHeader).toContain('"code":"request.too_large"');
  });

  test('an unknown route → 404 route.not_found, for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      await expectRefused(await admin.fetch('/api/definitely/not/here', { method }), 404, 'route.not_found');
    }
  });

  test('a body that is not JSON → 415 request.unsupported_media_type', async () => {
    const text = await admin.fetch('/api/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"x","scopes":["read"]}',
    });
    await expectRefused(text, 415, 'request.unsupported_media_type');
    const form = await admin.fetch('/api/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&scopes=read',
    });
    await expectRefused(form, 415, 'request.unsupported_media_type');
    const multipart = new FormData();
    multipart.set('name', 'x');
    const viaForm = await admin.fetch('/api/auth/tokens', { method: 'POST', body: multipart });
    await expectRefused(viaForm, 415, 'request.unsupported_media_type');
    const xml = await admin.fetch('/api/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    await expectRefused(xml, 415, 'request.unsupported_media_type');
  });

  test('garbage thrown at every endpoint never yields a 500 or a stack trace', async () => {
    // Bodies no contract accepts, so the walk changes nothing; an admin token reaches every endpoint.
    const { secret } = await admin.api(createToken, { body: { name: 'fuzz', scopes: ['read', 'write', 'admin'] } });
    const fuzzer = t.client({ bearer: secret });
    const bodies = ['[]', '"text"', '12', 'true', '{"a":{"b":{"c":[1,{"d":null}]}}}', '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]'];
    const params = ['../../etc/passwd', '%00', 'x'.repeat(2000), '\u202e', 'fil_IIIIIIIIIIIIIIIIIIIIIIIIII', "1' or '1'='1"];
    const failures: string[] = [];
    for (const { contract } of allContracts()) {
      const attempts: { url: string; init: RequestInit }[] = [];
      for (const body of bodies) {
        attempts.push({
          url: buildPath(contract.path, validParams(contract)),
          init: { method: contract.method, ...bodyInit(contract.method, body) },
        });
      }
      for (const name of [...contract.path.matchAll(/:(\w+)/g)].map((m) => m[1])) {
        for (const value of params) {
          const url = buildPath(contract.path, { ...validParams(contract), [name]: value });
          attempts.push({ url, init: { method: contract.method } });
        }
      }
      attempts.push({
        url: `${buildPath(contract.path, validParams(contract))}?limit=-1&cursor=%ff&__proto__=1`,
        init: { method: contract.method },
      });
      if (contract.kind === 'upload') {
        for (const [type, body] of brokenMultipart) {
          const url = buildPath(contract.path, validParams(contract));
          attempts.push({ url, init: { method: contract.method, headers: { 'content-type': type }, body } });
        }
      }
      for (const { url, init } of attempts) {
        const res = await fuzzer.fetch(url, init);
        const text = await res.text();
        if (res.status >= 500 || !(res.status >= 400 || res.status < 300))
          failures.push(`${init.method} ${url.slice(0, 80)} → ${res.status}`);
        if (/\n\s+at |node_modules|\.ts:\d+/.test(text)) failures.push(`${init.method} ${url.slice(0, 80)} leaked internals`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Multipart bodies that are cut off, lack a boundary or carry junk. */
const brokenMultipart: [string, string][] = [
  ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc\r\n--x--\r\n'],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc'],
  ['multipart/form-data; boundary=x', 'not multipart at all'],
  ['multipart/form-data; boundary=x', ''],
];

function bodyInit(method: string, body: string): RequestInit {
  if (method === 'GET') return {};
  return { headers: { 'content-type': 'application/json' }, body };
}
