/** One benchmark measurement, printed as one JSON line (see ARCHITECTURE.md "Benchmarks"). */
export interface Measurement {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  params?: Record<string, unknown>;
  baseline?: string;
  baseline_value?: number;
  ratio?: number;
}

export function report(m: Measurement): void {
  const rounded = { ...m, value: round(m.value) };
  if (m.baseline_value !== undefined) rounded.baseline_value = round(m.baseline_value);
  if (m.ratio !== undefined) rounded.ratio = round(m.ratio);
  console.log(JSON.stringify(rounded));
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

/** Percentile of a sample (nearest-rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** A benchmark: `quick` runs tiny parameters (part of the test suite so benches never rot). */
export type Bench = (options: { quick: boolean }) => Promise<Measurement[]>;
