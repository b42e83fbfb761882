import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Names @fastify/proxy-addr understands for whole address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One entry of a trusted-proxy list: an address, an address/prefix (CIDR), or a range name. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which peers may set X-Forwarded-For/-Host/-Proto, in the forms Fastify's `trustProxy` takes:
 * `false` (nobody: the default, since anybody can write those headers), `true` (every peer),
 * a hop count, or a comma-separated list of addresses, CIDR ranges and range names.
 */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((v, ctx): boolean | number | string[] => {
    if (v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops <= 100) return hops;
    }
    const entries = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyEntry(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be true, false, a hop count (0-100) or a comma-separated list of addresses/CIDR ranges${bad.length ? `; not understood: ${bad.join(', ')}` : ''}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * Every setting Skein reads, from environment variables, validated at boot. A wrong value
 * stops the boot with a message naming the variable (see formatConfigError).
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SKEIN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Public origin (https://skein.example.com) for invite links and the origin check; derived from the request when unset. */
  SKEIN_PUBLIC_URL: z.url().optional(),
  SKEIN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted upload, in megabytes. */
  SKEIN_MAX_UPLOAD_MB: z.coerce.number().positive().max(10_240).default(50),
  /** How long a login session lasts without use, in days. */
  SKEIN_SESSION_DAYS: z.coerce.number().int().positive().max(365).default(30),
  /** Set to `true` only behind a TLS-terminating proxy: marks cookies Secure. */
  SKEIN_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Reverse proxies whose X-Forwarded-* headers count (see trustProxy above). */
  SKEIN_TRUST_PROXY: trustProxy,
  /** Presence heartbeat between nodes; a crashed node's people go offline after three missed beats. */
  SKEIN_PRESENCE_HEARTBEAT_SECONDS: z.coerce.number().min(0.1).max(300).default(20),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  publicUrl?: string;
  logLevel: string;
  maxUploadBytes: number;
  sessionDays: number;
  secureCookies: boolean;
  /** Fastify's `trustProxy`: false, true, a hop count or trusted addresses/ranges. */
  trustProxy: boolean | number | string[];
  /** Presence heartbeat (ms); parts of nodes silent for three of them lapse. */
  presenceHeartbeatMs: number;
  version: string;
};

export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.0.0'): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.SKEIN_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    publicUrl: c.SKEIN_PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: c.SKEIN_LOG_LEVEL,
    maxUploadBytes: Math.round(c.SKEIN_MAX_UPLOAD_MB * 1024 * 1024),
    sessionDays: c.SKEIN_SESSION_DAYS,
    secureCookies: c.SKEIN_SECURE_COOKIES,
    trustProxy: c.SKEIN_TRUST_PROXY,
    presenceHeartbeatMs: Math.round(c.SKEIN_PRESENCE_HEARTBEAT_SECONDS * 1000),
    version,
  };
}

/**
 * Config's trustProxy as Fastify's option. Fastify 5.12 treats a bare hop count as "trust
 * nobody" (it cannot tell who the nearest peer is); SKEIN_TRUST_PROXY=<n> keeps the meaning
 * proxy-addr and Express give it, the n nearest hops are proxies, for setups where only the proxy
 * can reach Skein (the README says so).
 */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
