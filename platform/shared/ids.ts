import { z } from 'zod';

/**
 * Prefixed, time-sortable identifiers (`usr_01J…`). The first 10 characters after the
 * prefix encode milliseconds in Crockford base32, so ids sort by creation time in both
 * SQL dialects and in JavaScript; the last 16 are random.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = 0;
let lastRandom: number[] = [];

function randomChars(): number[] {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b & 31);
}

/** Monotonic within one process: ids minted in the same millisecond still sort in mint order. */
function nextRandom(now: number): number[] {
  if (now !== lastTime || lastRandom.length === 0) {
    lastTime = now;
    lastRandom = randomChars();
    return lastRandom;
  }
  const next = [...lastRandom];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) {
      next[i]++;
      break;
    }
    next[i] = 0;
  }
  lastRandom = next;
  return next;
}

export function newId<P extends string>(prefix: P): `${P}_${string}` {
  const now = Date.now();
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rand = nextRandom(now)
    .map((n) => ALPHABET[n])
    .join('');
  return `${prefix}_${time}${rand}`;
}

/** Zod schema for an id with the given prefix; rejects anything else with a 400. */
export function idSchema<P extends string>(prefix: P) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `must be a ${prefix}_ id`) as unknown as z.ZodType<`${P}_${string}`>;
}

export type UserId = `usr_${string}`;
export type DepartmentId = `dep_${string}`;
export type FileId = `fil_${string}`;
