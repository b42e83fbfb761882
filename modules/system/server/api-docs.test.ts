import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverModules } from '../../../apps/server/modules.js';
import { startTestApp, type TestApp } from '../../../platform/server/test/harness.js';
import { openApiDocument } from '../shared/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Operation = {
  operationId: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

describe('API documentation', () => {
  test('the OpenAPI document lists every registered endpoint, with its auth, params and module tag', async () => {
    const doc = (await t.client().api(openApiDocument)) as unknown as Document;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'cookieSession']);
    expect(doc.components.schemas.Error).toBeDefined();

    const ids = new Set<string>();
    for (const m of serverModules) {
      for (const { contract: c } of m.routes) {
        const path = c.path.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[path]?.[c.method.toLowerCase()];
        expect(op, `${c.method} ${c.path}`).toBeDefined();
        expect(op.tags).toEqual([c.tag ?? m.id]);
        expect(op.security).toEqual(c.auth === 'public' ? [] : [{ cookieSession: [] }, { bearerToken: [] }]);
        const pathParams = [...c.path.matchAll(/:(\w+)/g)].map((x) => x[1]);
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(pathParams);
        expect(op.responses.default.content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
      }
    }
  });

  test('request and response shapes come from the contracts', async () => {
    const doc = (await t.client().api(openApiDocument)) as unknown as Document;
    const login = doc.paths['/api/auth/login'].post;
    const body = login.requestBody?.content['application/json'].schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body.properties).sort()).toEqual(['email', 'password']);
    expect(body).toMatchObject({ additionalProperties: false });
    const upload = doc.paths['/api/files'].post;
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(upload.responses['201']).toBeDefined();
    const download = doc.paths['/api/files/{fileId}/content'].get;
    expect(download.responses['200'].content?.['application/octet-stream']).toBeDefined();
    const fileParam = download.parameters[0] as unknown as { schema: { pattern: string } };
    expect(fileParam.schema.pattern).toMatch(/^\^fil_/);
  });

  test('the docs page loads Swagger UI from this server only, with no inline script', async () => {
    const anon = t.client();
    const page = await anon.fetch('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      expect(inline.trim()).toBe('');
      expect(attrs).toMatch(/src="\/api\/docs\/[\w.-]+"/);
    }
    const assets = [...html.matchAll(/(?:src|href)="(\/api\/docs\/[\w.-]+)"/g)].map((m) => m[1]);
    expect(assets).toContain('/api/docs/init.js');
    for (const asset of assets) {
      const res = await anon.fetch(asset);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    expect(await (await anon.fetch('/api/docs/init.js')).text()).toContain('/api/openapi.json');
    const missing = await anon.fetch('/api/docs/package.json');
    expect(missing.status).toBe(404);
  });

  test('asset names that are Object.prototype properties are a 404, not a 500', async () => {
    const anon = t.client();
    for (const name of ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString', '__defineGetter__']) {
      const res = await anon.fetch(`/api/docs/${name}`);
      expect(res.status, name).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('route.not_found');
    }
  });
});
