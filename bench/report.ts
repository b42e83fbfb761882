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
  /** With `--runs N`: the value of each run (`value` is their median), so the spread is visible. */
  runs?: number[];
  /** With `--runs N`: the baseline's value in each run (`baseline_value` is their median). */
  baseline_runs?: number[];
  /** With `--runs N`: each run's value over the baseline's in the same run (a target like "≤ 1.5× in each run" reads here). */
  ratio_runs?: number[];
}

export function report(m: Measurement): void {
  const rounded = { ...m, value: round(m.value) };
  if (m.baseline_value !== undefined) rounded.baseline_value = round(m.baseline_value);
  if (m.ratio !== undefined) rounded.ratio = round(m.ratio);
  if (m.runs) rounded.runs = m.runs.map(round);
  if (m.baseline_runs) rounded.baseline_runs = m.baseline_runs.map(round);
  if (m.ratio_runs) rounded.ratio_runs = m.ratio_runs.map(round);
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

/** Median (the mean of the two middle values for an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Where the server under test keeps its data: SQLite in a temp dir, or a fresh PostgreSQL schema. */
export type DbKind = 'sqlite' | 'postgres';

export interface BenchOptions {
  /** Tiny parameters: part of the test suite so benches never rot. */
  quick: boolean;
  /** Default sqlite; benches that cannot run on PostgreSQL refuse `postgres`. */
  db?: DbKind;
  /** Repeat the measured phases and report medians with every run's value (messenger.fanout). */
  runs?: number;
}

/** A benchmark. */
export type Bench = (options: BenchOptions) => Promise<Measurement[]>;

/** Refuses a database a benchmark does not support, instead of silently measuring SQLite. */
export function onlySqlite(bench: string, db: DbKind | undefined): void {
  if (db && db !== 'sqlite') throw new Error(`${bench} runs on SQLite only (got --db ${db})`);
}
