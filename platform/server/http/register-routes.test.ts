import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract.js';
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
async function appReturning(result: unknown): Promise<{ app: FastifyInstance; lines: LogLine[] }> {
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
  registerRoutes(app, [route(profile, () => result as never)], ctx, async () => null);
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
