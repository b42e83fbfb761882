import type { z } from 'zod';

/**
 * Who may call an endpoint before its use case runs. `public`: anybody; `member`: any
 * signed-in, active member (session or token); `admin`: members with the admin role.
 * Finer rules (HR admin, HRBP scopes, ownership) live in the use case.
 */
export type AuthRequirement = 'public' | 'member' | 'admin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Scopes a personal access token may carry. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * One endpoint, defined once: the server registers it, the web client and tests call it,
 * and the OpenAPI document is generated from it.
 */
export interface Contract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: string;
  auth: AuthRequirement;
  summary: string;
  /** OpenAPI tag; defaults to the first path segment after /api. */
  tag?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /**
   * `json` (default), `upload` (multipart body, read by the handler) or `binary`
   * (the handler streams the reply itself; `response` describes nothing).
   */
  kind?: 'json' | 'upload' | 'binary';
  /** Success status; 200 unless said otherwise. */
  status?: number;
  /** Per-IP limit for sensitive endpoints (login, setup, invite acceptance). */
  rateLimit?: { max: number; windowMs: number };
}

export function contract<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodType,
>(c: Contract<P, Q, B, R>): Contract<P, Q, B, R> {
  return c;
}

type Field<S, K extends string> = S extends z.ZodNever ? { [_ in K]?: never } : { [_ in K]: z.input<S & z.ZodType> };

/** The input a caller passes: only the parts the contract declares. */
export type InputOf<C> =
  C extends Contract<infer P, infer Q, infer B, z.ZodType>
    ? Field<P, 'params'> & Partial<Field<Q, 'query'>> & Field<B, 'body'>
    : never;

export type ParsedInputOf<C> =
  C extends Contract<infer P, infer Q, infer B, z.ZodType>
    ? { params: z.output<P>; query: z.output<Q>; body: z.output<B> }
    : never;

/** What the endpoint answers on success, as JSON on the wire. */
export type OutputOf<C> = C extends Contract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** Fills `:name` segments of a path from params, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:(\w+)/g, (_, name) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
