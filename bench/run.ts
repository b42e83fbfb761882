import { report, type Bench } from './report.js';
import { benches } from './registry.js';

/** `npm run bench -- <name> [--quick]`: runs one benchmark and prints JSON lines. */
async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const name = args.find((a) => !a.startsWith('--'));
  const bench: Bench | undefined = name ? benches[name] : undefined;
  if (!bench) {
    console.error(`usage: npm run bench -- <name> [--quick]\nbenchmarks: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  for (const m of await bench({ quick })) report(m);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
