import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/**
 * The web app: `vite --config apps/web/vite.config.ts` serves it on :5173 and forwards /api
 * (HTTP and WebSocket) to the server on :3000; `vite build --config …` writes dist/web, which
 * the server serves with an SPA fallback. The Host header is kept (no changeOrigin) so the
 * server's Origin check sees the page's own host.
 */
export default defineConfig({
  root: here,
  publicDir: path.join(here, 'public'),
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', ws: true },
    },
  },
});
