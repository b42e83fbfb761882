import type { Measurement } from './report.js';

/** Counts that must be zero wherever a benchmark reports them: anything else is a wrong result, not a slow one. */
export const MUST_BE_ZERO = ['lost', 'duplicated', 'out_of_order', 'errors', 'misses'] as const;

/** What each benchmark must report, so a benchmark cannot pass by leaving a check out. */
export const REQUIRED_COUNTS: Record<string, string[]> = {
  'messenger.fanout': ['lost', 'duplicated', 'out_of_order', 'errors'],
  'messenger.send': ['lost', 'duplicated', 'out_of_order', 'errors'],
  'messenger.history': ['errors'],
  'messenger.idle': ['errors'],
  'org.directory_search': ['misses'],
};

const METRIC = /^[a-z][a-z0-9_]*$/;

/**
 * Everything wrong with a benchmark's output, one sentence each (empty when all is well): the
 * JSON-line shape of ARCHITECTURE.md "Benchmarks", every correctness count present and zero.
 * Never speed: no benchmark fails because a machine was slow.
 */
export function problems(bench: string, measurements: Measurement[]): string[] {
  const out: string[] = [];
  if (measurements.length === 0) out.push(`${bench}: no measurements`);
  for (const m of measurements) {
    const where = `${m.bench}.${m.metric}${m.params?.server ? ` (${m.params.server})` : ''}`;
    if (m.bench !== bench) out.push(`${where}: reported under ${m.bench}, not ${bench}`);
    if (!METRIC.test(m.metric)) out.push(`${where}: metric name is not snake_case`);
    if (!m.unit) out.push(`${where}: no unit`);
    if (!Number.isFinite(m.value)) out.push(`${where}: value ${m.value} is not a finite number`);
    if (m.baseline !== undefined || m.baseline_value !== undefined || m.ratio !== undefined) {
      if (!m.baseline) out.push(`${where}: baseline value without a named baseline`);
      if (!Number.isFinite(m.baseline_value)) out.push(`${where}: baseline_value ${m.baseline_value} is not a finite number`);
      // A ratio may be left out where the baseline is zero; when present it must be a number.
      if (m.ratio !== undefined && !Number.isFinite(m.ratio)) out.push(`${where}: ratio ${m.ratio} is not a finite number`);
    }
    for (const key of ['runs', 'baseline_runs'] as const) {
      if (m[key] && !m[key].every(Number.isFinite)) out.push(`${where}: ${key} holds a value that is not a finite number`);
    }
    if ((MUST_BE_ZERO as readonly string[]).includes(m.metric) && m.value !== 0) out.push(`${where} = ${m.value}, must be 0`);
    // One JSON line per measurement: it must survive serialization unchanged.
    if (JSON.stringify(JSON.parse(JSON.stringify(m))) !== JSON.stringify(m)) out.push(`${where}: does not survive JSON`);
  }
  for (const metric of REQUIRED_COUNTS[bench] ?? []) {
    if (!measurements.some((m) => m.metric === metric)) out.push(`${bench}: does not report ${metric}`);
  }
  return out;
}
