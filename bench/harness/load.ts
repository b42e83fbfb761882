/**
 * Open-loop load: calls `fire(i)` for i = 0..count-1 at `rate` per second, on schedule whether or
 * not earlier calls finished (a slow server does not slow the offered load). Resolves with the
 * promises `fire` returned, once all settled. `fire` gets the intended start time, so latency can
 * be measured from the schedule (no coordinated omission).
 */
export async function atRate<T>(rate: number, count: number, fire: (i: number, intendedAt: number) => Promise<T>): Promise<T[]> {
  const started = performance.now();
  const interval = 1000 / rate;
  const pending: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(fire(i, due));
  }
  return Promise.all(pending);
}

/** Closed loop: `senders` loops each awaiting `send` before the next, for `durationMs`. Returns how many completed. */
export async function saturate(
  senders: number,
  durationMs: number,
  send: (sender: number, n: number) => Promise<void>,
): Promise<number> {
  const until = performance.now() + durationMs;
  let done = 0;
  await Promise.all(
    Array.from({ length: senders }, async (_, s) => {
      for (let n = 0; performance.now() < until; n++) {
        await send(s, n);
        done++;
      }
    }),
  );
  return done;
}
