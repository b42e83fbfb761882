import http from 'node:http';

/**
 * A lean keep-alive JSON client for load generation. `fetch` costs the load generator more
 * CPU per request than the server spends answering, which on a 2-core machine would measure
 * the client; node:http with a keep-alive agent stays out of the way.
 */
export interface JsonClient {
  request<T = unknown>(method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; body: T }>;
  close(): void;
}

export function jsonClient(baseUrl: string, maxSockets = 64): JsonClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method, path, body, cookie) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers: Record<string, string | number> = { accept: 'application/json' };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      if (cookie) headers.cookie = cookie;
      return new Promise((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text for the error message
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as never });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        if (payload) req.write(payload);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

/** Throws with the server's answer unless the status is one of `ok`. */
export function expectStatus<T>(res: { status: number; body: T }, what: string, ok = [200, 201]): T {
  if (!ok.includes(res.status)) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}
