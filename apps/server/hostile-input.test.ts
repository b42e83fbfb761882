import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setupOrg } from '../../modules/accounts/server/test/factories.js';
import { createToken } from '../../modules/accounts/shared/contract.js';
import { uploadFile } from '../../modules/files/server/test/factories.js';
import { text } from '../../modules/messenger/server/test/factories.js';
import { createChat, sendMessage } from '../../modules/messenger/shared/contract.js';
import { createDepartment } from '../../modules/org/shared/contract.js';
import type { Contract } from '../../platform/shared/contract.js';
import { startTestApp, type TestApp, type TestClient } from '../../platform/server/test/harness.js';
import { allContracts, validParams } from './test/contract-walk.js';
import { fieldsOf } from './test/sample-input.js';

/**
 * What an attacker throws at every endpoint, signed in as an administrator and anonymously:
 * names that live on Object.prototype, sizes past every limit, broken Unicode, numbers no
 * field expects. Each request changes one part of an otherwise plausible request, so the hostile
 * value reaches the use case where it can. The answer must be a 4xx with a coded JSON envelope
 * (or a success), never a 5xx.
 */

const PROTO = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString'];

/** Path segments, already URL-encoded (`%ED%A0%80` is a lone surrogate, U+D800, as UTF-8). */
const PATH_VALUES = [...PROTO, '%ED%A0%80', 'a%00b', '1e308', '-1', 'NaN', '', 'x'.repeat(4000)];

/** Query values, already URL-encoded. */
const QUERY_VALUES = [...PROTO, '%ED%A0%80', 'a%00b', '1e308', '-1', 'NaN', '', 'x'.repeat(4000)];

/** Body values as raw JSON text, so numbers past double range and escaped surrogates survive. */
const BODY_VALUES: [label: string, json: string][] = [
  ...PROTO.map((p): [string, string] => [p, JSON.stringify(p)]),
  ['empty string', '""'],
  ['lone surrogate', '"\\ud800"'],
  ['lone low surrogate inside text', '"a\\udc00b"'],
  ['a NUL character', '"a\\u0000b"'],
  ['1e308', '1e308'],
  ['1e999 (Infinity)', '1e999'],
  ['-1', '-1'],
  ['NaN as a string', '"NaN"'],
  ['prototype names as keys', '{"constructor":"x","toString":"x","valueOf":"x","hasOwnProperty":"x"}'],
  ['prototype names as items', JSON.stringify(PROTO)],
  ['100,000 items', `[${'0,'.repeat(99_999)}0]`],
  ['10,000 nested arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['10,000 nested objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
];

interface Attempt {
  label: string;
  url: string;
  init: RequestInit;
  /** The statuses the answer may have, when only some are right. */
  status?: number[];
}

let t: TestApp;
let admin: TestClient;
let anonymous: TestClient;
/** Ids of things that exist, so a hostile body meets a real chat, member or department. */
let real: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const { admin: session, me } = await setupOrg(t);
  const { secret } = await session.api(createToken, { body: { name: 'hostile', scopes: ['read', 'write', 'admin'] } });
  admin = t.client({ bearer: secret });
  anonymous = t.client();
  const department = await session.api(createDepartment, { body: { name: 'Fuzzing' } });
  const chat = await session.api(createChat, { body: { kind: 'group', name: 'Fuzzing', visibility: 'public' } });
  const message = await session.api(sendMessage, { params: { chatId: chat.id }, body: text('hello') });
  const file = await uploadFile(session, 'notes.txt', new TextEncoder().encode('hello'));
  real = { userId: me.user.id, departmentId: department.id, chatId: chat.id, messageId: message.id, fileId: file.id };
});
afterAll(async () => {
  await t?.close();
});

function pathWith(c: Contract, overrides: Record<string, string> = {}): string {
  const params: Record<string, string> = { ...validParams(c) };
  for (const name of Object.keys(params)) if (real[name]) params[name] = real[name];
  // Overrides are already encoded: substitute them after encoding the rest.
  const encoded = c.path.replace(/:(\w+)/g, (_, name: string) =>
    name in overrides ? overrides[name] : encodeURIComponent(params[name]),
  );
  return encoded;
}

function jsonInit(method: string, body: string): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body };
}

/** The sample body with one field's value replaced by raw JSON text. */
function bodyWith(sample: Record<string, unknown>, field: string, raw: string): string {
  const marker = '\u0000hostile\u0000';
  return JSON.stringify({ ...sample, [field]: marker }).replace(JSON.stringify(marker), () => raw);
}

function multipart(fieldName: string, filename: string): RequestInit {
  const body = `--b\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`;
  return { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b' }, body };
}

function attemptsFor(c: Contract): Attempt[] {
  const out: Attempt[] = [];
  const method = c.method;
  const body = fieldsOf(c.body);
  const query = fieldsOf(c.query);
  const sampleBody = method === 'GET' || c.kind === 'upload' ? undefined : JSON.stringify(body.sample);
  const plainInit: RequestInit = sampleBody === undefined ? { method } : jsonInit(method, sampleBody);
  const queryString = (extra: string) => {
    const base = new URLSearchParams(query.sample as Record<string, string>).toString();
    return `?${[base, extra].filter(Boolean).join('&')}`;
  };

  for (const name of [...c.path.matchAll(/:(\w+)/g)].map((m) => m[1])) {
    for (const value of PATH_VALUES) {
      out.push({ label: `path ${name}=${value.slice(0, 20)}`, url: pathWith(c, { [name]: value }), init: plainInit });
    }
  }
  for (const field of query.fields) {
    for (const value of QUERY_VALUES) {
      out.push({ label: `query ${field}=${value.slice(0, 20)}`, url: `${pathWith(c)}?${field}=${value}`, init: plainInit });
    }
    out.push({ label: `query ${field} twice`, url: `${pathWith(c)}?${field}=1&${field}=2`, init: plainInit });
  }
  for (const key of PROTO) {
    out.push({ label: `query key ${key}`, url: `${pathWith(c)}${queryString(`${key}=1`)}`, init: plainInit });
  }
  if (c.kind === 'upload') {
    for (const name of [...PROTO, '\ud800', 'a\u0000b', '']) {
      out.push({ label: `upload named ${name}`, url: pathWith(c), init: multipart('file', name) });
      out.push({ label: `upload field ${name}`, url: pathWith(c), init: multipart(name, 'a.txt') });
    }
  } else if (method !== 'GET') {
    for (const field of body.fields) {
      for (const [label, raw] of BODY_VALUES) {
        out.push({
          label: `body ${field}=${label}`,
          url: pathWith(c),
          init: jsonInit(method, bodyWith(body.sample, field, raw)),
        });
      }
    }
    for (const key of PROTO) {
      out.push({ label: `body key ${key}`, url: pathWith(c), init: jsonInit(method, bodyWith(body.sample, key, '1')) });
    }
    for (const [label, raw] of BODY_VALUES.slice(-3)) {
      out.push({ label: `whole body ${label}`, url: pathWith(c), init: jsonInit(method, raw) });
    }
    const field = body.fields[0] ?? 'x';
    out.push({
      label: 'a 1 MB string',
      url: pathWith(c),
      init: jsonInit(method, bodyWith(body.sample, field, JSON.stringify('x'.repeat(1024 * 1024)))),
      // A rate-limited endpoint may refuse first (429): the limiter runs before the body is read.
      status: c.rateLimit ? [413, 429] : [413],
    });
  }
  return out;
}

/** Sends every attempt (a few at a time) and describes each answer that breaks the rule. */
async function walk(who: string, client: TestClient, contracts: Contract[]): Promise<string[]> {
  // Without a caller, a non-public endpoint refuses before it parses anything (ADR 0003): one
  // attempt per part of the request proves that; every body value would only repeat it.
  const anonymous = who === 'anonymous';
  const jobs = contracts.flatMap((c) =>
    attemptsFor(c)
      .filter((a) => !anonymous || c.auth === 'public' || !/^body \w+=/.test(a.label) || a.label.endsWith('=constructor'))
      .map((a) => ({ c, a })),
  );
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { c, a } = jobs[next++];
      const res = await client.fetch(a.url, a.init);
      const raw = await res.text();
      const where = `${who} ${c.method} ${c.path} ${a.label}`;
      if (res.status >= 500) {
        failures.push(`${where} → ${res.status} ${raw.slice(0, 200)}`);
        continue;
      }
      if (a.status && !a.status.includes(res.status))
        failures.push(`${where} → ${res.status}, expected ${a.status.join(' or ')}`);
      if (res.status < 400) continue;
      let code: unknown;
      try {
        code = (JSON.parse(raw) as { error?: { code?: unknown } }).error?.code;
      } catch {
        code = undefined;
      }
      if (typeof code !== 'string' || code === '')
        failures.push(`${where} → ${res.status} without an error code: ${raw.slice(0, 120)}`);
      // An error answer stays small whatever was sent: 100,000 bad items must not echo 100,000 issues.
      if (raw.length > 16 * 1024) failures.push(`${where} → a ${raw.length}-byte error`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return failures;
}

describe('hostile input at every endpoint', () => {
  test('signed in as an administrator: never a 5xx, always a coded error', async () => {
    const failures = await walk(
      'admin',
      admin,
      allContracts().map((x) => x.contract),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  test('anonymously: never a 5xx, always a coded error', async () => {
    const failures = await walk(
      'anonymous',
      anonymous,
      allContracts().map((x) => x.contract),
    );
    expect(failures).toEqual([]);
  });
});
