import { expect, test } from 'vitest';
import { orgDirectorySearch } from './org-directory-search.js';

// The quick run keeps the benchmark working; it asserts correctness, never speed.
test('org.directory_search --quick finds every known person and reports its metrics', async () => {
  const out = await orgDirectorySearch({ quick: true });
  expect(out.find((m) => m.metric === 'misses')?.value).toBe(0);
  expect(out.map((m) => m.metric)).toEqual(expect.arrayContaining(['p50_ms', 'p95_ms', 'misses']));
  expect(out.find((m) => m.metric === 'p95_ms')?.baseline).toBe('raw-sql-like');
});
