import { describe, expect, test } from 'vitest';
import { benches } from './registry.js';

// Every registered benchmark runs with --quick parameters, so none rots unnoticed. This checks the
// shape of what each one reports, never how fast it was: no test fails because a machine is slow.
// Metric names are snake_case (p99_ms, deliveries_per_s, idle_rss_mb, lost).
const METRIC = /^[a-z][a-z0-9_]*$/;

describe('benchmarks (--quick)', () => {
  test('at least one benchmark is registered', () => {
    expect(Object.keys(benches).length).toBeGreaterThan(0);
  });

  for (const [name, bench] of Object.entries(benches)) {
    test(name, { timeout: 180_000 }, async () => {
      const measurements = await bench({ quick: true });
      expect(measurements.length).toBeGreaterThan(0);
      for (const m of measurements) {
        expect(m.bench).toBe(name);
        expect(m.metric).toMatch(METRIC);
        expect(m.unit.length).toBeGreaterThan(0);
        expect(Number.isFinite(m.value), `${m.metric} = ${m.value}`).toBe(true);
        if (m.baseline !== undefined || m.baseline_value !== undefined || m.ratio !== undefined) {
          expect(m.baseline, `${m.metric}: a baseline is named`).toBeTruthy();
          expect(Number.isFinite(m.baseline_value), `${m.metric}: baseline_value`).toBe(true);
          expect(Number.isFinite(m.ratio), `${m.metric}: ratio`).toBe(true);
        }
        // One JSON line per measurement: it must survive serialization unchanged.
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
      }
    });
  }
});
