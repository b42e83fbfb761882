import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';

export const health = contract({
  method: 'GET',
  path: '/api/health',
  auth: 'public',
  summary: 'Liveness and which database and bus this node uses',
  response: z.object({
    status: z.literal('ok'),
    db: z.enum(['sqlite', 'postgres']),
    bus: z.enum(['memory', 'redis']),
    version: z.string(),
  }),
});

/** The OpenAPI 3.1 document, generated from every registered contract. */
export const openApiDocument = contract({
  method: 'GET',
  path: '/api/openapi.json',
  auth: 'public',
  summary: 'OpenAPI 3.1 description of every endpoint, generated from the contracts the server registers',
  response: z.record(z.string(), z.unknown()),
});

/** A readable page over the OpenAPI document (Swagger UI, served locally: no CDN). */
export const apiDocsPage = contract({
  method: 'GET',
  path: '/api/docs',
  auth: 'public',
  kind: 'binary',
  summary: 'Interactive API documentation (HTML)',
  response: z.unknown(),
});

export const apiDocsAsset = contract({
  method: 'GET',
  path: '/api/docs/:asset',
  auth: 'public',
  kind: 'binary',
  summary: 'Static script and style files of the API documentation page',
  params: z.object({ asset: z.string().max(64) }),
  response: z.unknown(),
});

/** Sends a check event to the caller's own live connections: proves the WebSocket path end to end. */
export const realtimeCheck = contract({
  method: 'POST',
  path: '/api/realtime/check',
  auth: 'member',
  summary: 'Send a check event to my own live connections (verifies WebSockets through proxies and across nodes)',
  rateLimit: { max: 30, windowMs: 60_000 },
  response: z.object({ topic: z.string(), seq: z.number().int() }),
});
