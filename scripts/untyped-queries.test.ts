import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { findUntypedQueries, repositoryProgram } from './untyped-queries.js';

const root = path.resolve(import.meta.dirname, '..');

/** Module and platform code that runs in the server; tests and the migrator's own table are exempt. */
const checked = (file: string) =>
  /^(modules|platform)\//.test(file) &&
  !/\.test\.tsx?$|(^|\/)test\//.test(file) &&
  // The migrator is the composition root's: it owns skein_migrations and no module's tables.
  !file.startsWith('platform/server/db/');

describe('every query goes through a handle typed to its module’s tables (ADR 0001)', () => {
  test('no module or platform code queries through Kysely<any>', () => {
    const found = findUntypedQueries(repositoryProgram(root), checked, root);
    expect(found.map((q) => `${q.file}:${q.line} ${q.method} on ${q.type}`)).toEqual([]);
  }, 120_000);

  test('the check finds a query through the untyped root handle and passes a typed one', () => {
    // Inside the repository, so `kysely` resolves from node_modules; .test-data is git-ignored.
    fs.mkdirSync(path.join(root, '.test-data'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, '.test-data', 'untyped-'));
    try {
      const file = path.join(dir, 'queries.ts');
      fs.writeFileSync(
        file,
        [
          "import type { Kysely } from 'kysely';",
          'interface OwnTables { own_rows: { id: string } }',
          'export async function run(anyDb: Kysely<any>) {',
          '  const own: Kysely<OwnTables> = anyDb;',
          "  await own.selectFrom('own_rows').selectAll().execute();",
          "  await anyDb.selectFrom('someone_elses').selectAll().execute();",
          "  await anyDb.transaction().execute((tx) => tx.deleteFrom('someone_elses').execute());",
          '}',
        ].join('\n'),
      );
      const program = ts.createProgram([file], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        skipLibCheck: true,
      });
      const found = findUntypedQueries(program, () => true, dir);
      expect(found.map((q) => [q.line, q.method])).toEqual([
        [6, 'selectFrom'],
        [7, 'deleteFrom'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
