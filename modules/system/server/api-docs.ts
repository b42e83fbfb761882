import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';

/**
 * Swagger UI, served from our own origin. The CSP allows only same-origin scripts, so the
 * page boots from a served init script rather than an inline one.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Skein API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
});
`;

// Only these files of swagger-ui-dist are reachable; the asset name never becomes a free path.
// A Map, not an object literal: `constructor` or `__proto__` must not find Object.prototype's members.
const DIST_FILES = new Map<string, string>([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

let distDir: string | undefined;
function swaggerDist(): string {
  distDir ??= path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return distDir;
}

export function sendDocsPage(reply: FastifyReply): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE);
}

export function sendDocsAsset(reply: FastifyReply, asset: string): FastifyReply {
  if (asset === 'init.js') return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(INIT);
  const type = DIST_FILES.get(asset);
  if (!type) throw new AppError(platformErrors['route.not_found']);
  const file = path.join(swaggerDist(), asset);
  return reply
    .type(type)
    .header('cache-control', 'public, max-age=86400')
    .header('content-length', String(fs.statSync(file).size))
    .send(fs.createReadStream(file));
}
