import { describe, expect, test } from 'vitest';
import { problems } from './check.js';
import { benches } from './registry.js';
import type { Measurement } from './report.js';

// Every registered benchmark runs with --quick parameters, so none rots unnoticed, and its
// output is checked by bench/check.ts: the JSON-line shape, and every correctness count
// (lost, duplicated, out_of_order, errors, misses) present and zero. Never its speed: no test
// fails because a machine is slow.

describe('the checker fails wrong results', () => {
  const params = { clients: 20, db: 'sqlite' };
  const good: Measurement[] = [
    {
      bench: 'messenger.fanout',
      metric: 'p99_ms',
      value: 7.5,
      unit: 'ms',
      params,
      baseline: 'raw-ws',
      baseline_value: 6,
      ratio: 1.25,
    },
    ...['lost', 'duplicated', 'out_of_order', 'errors'].map((metric) => ({
      bench: 'messenger.fanout',
      metric,
      value: 0,
      unit: 'count',
      params,
    })),
  ];
  const withCount = (metric: string, value: number, server?: string) =>
    good.map((m) => (m.metric === metric ? { ...m, value, params: server ? { ...params, server } : params } : m));

  test('a clean line set passes', () => {
    expect(problems('messenger.fanout', good)).toEqual([]);
  });
  test('lost = 1 fails', () => {
    expect(problems('messenger.fanout', withCount('lost', 1))).toEqual(['messenger.fanout.lost = 1, must be 0']);
  });
  test('duplicated, out_of_order and errors fail too, the baseline included', () => {
    expect(problems('messenger.fanout', withCount('duplicated', 2))).toHaveLength(1);
    expect(problems('messenger.fanout', withCount('out_of_order', 80))).toHaveLength(1);
    expect(problems('messenger.fanout', withCount('errors', 1, 'raw-ws'))).toEqual([
      'messenger.fanout.errors (raw-ws) = 1, must be 0',
    ]);
  });
  test('a missing count fails', () => {
    expect(
      problems(
        'messenger.fanout',
        good.filter((m) => m.metric !== 'out_of_order'),
      ),
    ).toEqual(['messenger.fanout: does not report out_of_order']);
  });
  test('a broken shape fails', () => {
    const bad = { ...good[0], ratio: Number.NaN };
    expect(problems('messenger.fanout', [bad, ...good.slice(1)])).toEqual([
      'messenger.fanout.p99_ms: ratio NaN is not a finite number',
    ]);
  });
});

describe('benchmarks (--quick)', () => {
  test('at least one benchmark is registered', () => {
    expect(Object.keys(benches).length).toBeGreaterThan(0);
  });

  for (const [name, bench] of Object.entries(benches)) {
    test(name, { timeout: 180_000 }, async () => {
      expect(problems(name, await bench({ quick: true }))).toEqual([]);
    });
  }

  // `npm run test:pg` sets TEST_DATABASE_URL: then the benchmarks that run on PostgreSQL run there too.
  const onPostgres = ['messenger.fanout', 'messenger.send', 'messenger.history'];
  for (const name of onPostgres) {
    test.runIf(Boolean(process.env.TEST_DATABASE_URL))(`${name} on PostgreSQL`, { timeout: 180_000 }, async () => {
      expect(problems(name, await benches[name]({ quick: true, db: 'postgres' }))).toEqual([]);
    });
  }
});
