import type { Bench } from './report.js';

/** Every benchmark by name, listed explicitly. */
export const benches: Record<string, Bench> = {};
