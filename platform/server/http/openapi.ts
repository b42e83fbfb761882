import { z } from 'zod';
import type { Contract } from '../../shared/contract.js';
import { platformErrors } from '../../shared/errors.js';

/** Contracts grouped under one tag (a module). */
export interface OpenApiGroup {
  tag: string;
  contracts: readonly Contract[];
}

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  /** Name of the session cookie, for the cookie security scheme. */
  sessionCookie: string;
  groups: readonly OpenApiGroup[];
}

type JsonSchema = Record<string, unknown>;

/**
 * zod → JSON Schema (2020-12, which OpenAPI 3.1 uses). Types JSON cannot express (dates,
 * transforms' outputs, custom checks) become `{}` rather than failing the whole document;
 * a schema the converter rejects outright is documented as "any" with a note.
 */
export function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  try {
    const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
    return rest;
  } catch {
    return { description: 'Schema not expressible in JSON Schema' };
  }
}

/** `/api/files/:fileId` → `/api/files/{fileId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function operationId(c: Contract): string {
  const words = `${c.method.toLowerCase()} ${c.path.replace(/^\/api\//, '')}`
    .replace(/:(\w+)/g, 'by $1')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const errorRef = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function responses(c: Contract): Record<string, unknown> {
  const ok = String(c.status ?? 200);
  const out: Record<string, unknown> = {};
  if (c.kind === 'binary') {
    out[ok] = {
      description: 'The bytes',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  } else {
    out[ok] = { description: 'Success', content: { 'application/json': { schema: toSchema(c.response, 'output') } } };
  }
  if (c.params || c.query || c.body || c.kind === 'upload') out['400'] = errorRef('Invalid input (`request.validation_failed`)');
  if (c.auth !== 'public') {
    out['401'] = errorRef('Not signed in (`auth.required`)');
    out['403'] = errorRef(c.auth === 'admin' ? 'Not an administrator (`auth.forbidden`)' : 'Not allowed');
  }
  if (c.params) out['404'] = errorRef('Not found, or not visible to the caller');
  if (c.kind === 'upload') out['413'] = errorRef('File too large (`request.too_large`)');
  if (c.rateLimit) out['429'] = errorRef('Too many requests (`request.rate_limited`)');
  out.default = errorRef('Any other error, in the same envelope');
  return out;
}

function requestBody(c: Contract): Record<string, unknown> | undefined {
  if (c.kind === 'upload') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
      },
    };
  }
  if (!c.body) return undefined;
  const schema = toSchema(c.body, 'input');
  // The server refuses unknown fields (register-routes makes every body strict): say so.
  if (schema.type === 'object') schema.additionalProperties = false;
  return { required: true, content: { 'application/json': { schema } } };
}

function operation(c: Contract, tag: string): Record<string, unknown> {
  const body = requestBody(c);
  return {
    operationId: operationId(c),
    summary: c.summary,
    tags: [c.tag ?? tag],
    parameters: [...parameters(c.params, 'path'), ...parameters(c.query, 'query')],
    ...(body ? { requestBody: body } : {}),
    responses: responses(c),
    security: c.auth === 'public' ? [] : [{ cookieSession: [] }, { bearerToken: [] }],
    'x-skein-auth': c.auth,
    ...(c.rateLimit ? { 'x-skein-rate-limit': c.rateLimit } : {}),
  };
}

/** Builds the OpenAPI 3.1 document from the contracts the server actually registers. */
export function buildOpenApi(options: OpenApiOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of options.groups) {
    for (const c of group.contracts) {
      const p = openApiPath(c.path);
      paths[p] ??= {};
      paths[p][c.method.toLowerCase()] = operation(c, group.tag);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
    },
    tags: options.groups.map((g) => ({ name: g.tag })),
    paths,
    components: {
      securitySchemes: {
        cookieSession: {
          type: 'apiKey',
          in: 'cookie',
          name: options.sessionCookie,
          description: 'Set by sign-in in the browser',
        },
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal access token (`skp_…`) with read/write/admin scopes',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', examples: Object.keys(platformErrors) },
                message: { type: 'string', description: 'Localized from Accept-Language or the member’s locale' },
                details: { description: 'Per-field problems for validation errors; other context otherwise' },
              },
            },
          },
        },
      },
    },
  };
}
