import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { type Contract, contract } from '../../shared/contract.js';
import type { AppContext } from '../app-context.js';
import { sendError } from './errors.js';
import { registerRoutes } from './register-routes.js';
import { route } from './route.js';

const profile = contract({
  method: 'GET',
  path: '/api/test/profile',
  auth: 'public',
  summary: 'A test-only route whose handler breaks its own contract',
  response: z.object({ user: z.object({ id: z.string(), secretFlag: z.boolean() }) }),
});

const rename = contract({
  method: 'POST',
  path: '/api/test/things/:thingId',
  auth: 'public',
  summary: 'A test-only route that echoes its input',
  params: z.object({ thingId: z.string() }),
  query: z.object({ q: z.string().optional() }),
  body: z.object({ name: z.string(), tags: z.array(z.string()).optional(), extra: z.unknown().optional() }),
  response: z.object({ ok: z.literal(true) }),
});

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  issues?: { path: (string | number)[]; code: string }[];
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A bare Fastify with the platform's route loop and error handler, and its log lines captured. */
async function appReturning(result: unknown, c: Contract = profile): Promise<{ app: FastifyInstance; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  app = Fastify({ logger: { level: 'info', stream } });
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  const ctx = { db: undefined, config: { publicUrl: 'http://localhost' } } as unknown as AppContext;
  registerRoutes(app, [route(c, () => result as never)], ctx, async () => null);
  await app.ready();
  return { app, lines };
}

describe('a response that breaks its contract', () => {
  test('is a 500 with the request id, the zod issues logged at error level, no internal path sent', async () => {
    const { app, lines } = await appReturning({ user: { id: 42 } });
    const res = await app.inject({ method: 'GET', url: '/api/test/profile' });
    expect(res.statusCode).toBe(500);
    const body = res.json() as { error: { code: string; message: string; details?: { requestId?: string } } };
    expect(body.error.code).toBe('internal');
    expect(body.error.details?.requestId).toEqual(expect.any(String));
    // The client learns nothing about the response's internal shape.
    expect(res.body).not.toMatch(/secretFlag|user\.id|invalid_type|validation/);

    const logged = lines.find((l) => l.level >= 50 && l.issues);
    expect(logged, JSON.stringify(lines)).toBeDefined();
    expect(logged?.reqId).toBe(body.error.details?.requestId);
    expect(logged?.issues?.map((i) => i.path.join('.')).sort()).toEqual(['user.id', 'user.secretFlag']);
  });

  test('a response that matches still answers 200, with undeclared fields stripped', async () => {
    const { app } = await appReturning({ user: { id: 'usr_1', secretFlag: false, passwordHash: 'x' } });
    const res = await app.inject({ method: 'GET', url: '/api/test/profile' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { id: 'usr_1', secretFlag: false } });
  });
});

describe('text input', () => {
  test('a NUL character anywhere in params, query or body is a 400 naming the field (PostgreSQL cannot store it)', async () => {
    const { app } = await appReturning({ ok: true }, rename);
    const cases: [url: string, body: unknown, path: string][] = [
      ['/api/test/things/a%00b', { name: 'x' }, 'params.thingId'],
      ['/api/test/things/t?q=a%00b', { name: 'x' }, 'query.q'],
      ['/api/test/things/t', { name: 'a\u0000b' }, 'body.name'],
      ['/api/test/things/t', { name: 'x', tags: ['ok', '\u0000'] }, 'body.tags.1'],
      ['/api/test/things/t', { name: 'x', extra: { deep: [{ text: 'a\u0000' }] } }, 'body.extra.deep.0.text'],
    ];
    for (const [url, body, path] of cases) {
      const res = await app.inject({ method: 'POST', url, payload: body as object });
      expect(res.statusCode, url).toBe(400);
      const error = (res.json() as { error: { code: string; details: { path: string; code: string }[] } }).error;
      expect(error.code).toBe('request.validation_failed');
      expect(error.details).toEqual([expect.objectContaining({ path, code: 'nul_character' })]);
    }
    const fine = await app.inject({ method: 'POST', url: '/api/test/things/t?q=ok', payload: { name: '名前 \ud83d\ude00' } });
    expect(fine.statusCode).toBe(200);
  });
});
