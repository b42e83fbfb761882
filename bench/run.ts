import { benches } from './registry.js';
import { type Bench, type DbKind, report } from './report.js';

const USAGE = 'usage: npm run bench -- <name> [--quick] [--db sqlite|postgres] [--runs N] [--profile DIR]';

/** The value after `--flag` (or in `--flag=value`). */
function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/**
 * `npm run bench -- <name> [--quick] [--db sqlite|postgres] [--runs N] [--profile DIR]`: runs one
 * benchmark and prints JSON lines. `--profile` writes each Skein server process's CPU profile
 * (0.5 ms sampling) to DIR, to open in Chrome DevTools' Performance panel and find what stalls.
 */
async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const db = (option(args, '--db') ?? 'sqlite') as DbKind;
  const runs = Number(option(args, '--runs') ?? 1);
  const profile = option(args, '--profile');
  // Read by bench/harness/processes.ts: Skein server processes write a CPU profile there.
  if (profile) process.env.SKEIN_BENCH_PROFILE_DIR = profile;
  const values = new Set([option(args, '--db'), option(args, '--runs'), profile]);
  const name = args.find((a) => !a.startsWith('--') && !values.has(a));
  const bench: Bench | undefined = name ? benches[name] : undefined;
  if (!bench || (db !== 'sqlite' && db !== 'postgres') || !Number.isInteger(runs) || runs < 1) {
    console.error(`${USAGE}\nbenchmarks: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  for (const m of await bench({ quick, db, runs })) report(m);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
