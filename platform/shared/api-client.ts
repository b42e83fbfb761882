import { buildPath, type Contract, type InputOf, type OutputOf } from './contract.js';
import type { ErrorEnvelope } from './errors.js';

/** An error answered by the server, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  /** Extra headers on every request (tests pass a cookie or an Authorization header here). */
  headers?: () => Record<string, string>;
  /** Sees every response (tests keep cookies with it). */
  onResponse?: (res: Response) => void;
  fetch?: typeof fetch;
}

export type Api = <C extends Contract>(c: C, input?: InputOf<C>) => Promise<OutputOf<C>>;

/** Builds the typed client the web app and the tests share: `api(contract, { params, query, body })`. */
export function createApi(options: ApiClientOptions = {}): Api {
  const doFetch = options.fetch ?? fetch;
  return async (c, input) => {
    const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    let url = `${options.baseUrl ?? ''}${buildPath(c.path, i.params)}`;
    if (i.query) {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(i.query)) {
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) for (const item of v) search.append(k, String(item));
        else search.append(k, String(v));
      }
      const qs = search.toString();
      if (qs) url += `?${qs}`;
    }
    const headers: Record<string, string> = { accept: 'application/json', ...(options.headers?.() ?? {}) };
    let body: BodyInit | undefined;
    if (i.body instanceof FormData) body = i.body;
    else if (i.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(i.body);
    }
    const res = await doFetch(url, { method: c.method, headers, body, credentials: 'same-origin' });
    options.onResponse?.(res);
    const text = await res.text();
    const data = text ? safeJson(text) : undefined;
    if (!res.ok) {
      const envelope = data as ErrorEnvelope | undefined;
      throw new ApiError(
        res.status,
        envelope?.error?.code ?? 'http.unknown',
        envelope?.error?.message ?? res.statusText,
        envelope?.error?.details,
      );
    }
    return data as OutputOf<typeof c>;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
