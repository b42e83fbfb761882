import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type Allowance, applyAllowances, checkBoundaries, readRepository, tableOwners } from './boundaries.js';

/** Foreign keys to a member are how every person-owned row stays valid; nothing else crosses. */
const FOREIGN_KEY_TARGETS = ['org_members'];

/**
 * Known violations kept for now, each with why and where it is tracked. Empty today: every
 * module, platform and apps file keeps the rules. A new entry needs an issue to point at; one
 * that no longer matches anything fails the test below, so the list only shrinks.
 */
const ALLOWANCES: Allowance[] = [];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('module boundaries (ARCHITECTURE.md, docs/adr/0011)', () => {
  test('the repository keeps them', () => {
    const files = readRepository(root);
    expect(files.size).toBeGreaterThan(100);
    // Every module with migrations owns prefixed tables; a checker that found none would pass vacuously.
    expect(new Set(tableOwners(files).values())).toEqual(new Set(['org', 'accounts', 'files', 'audit', 'messenger', 'presence']));
    const { open, stale } = applyAllowances(checkBoundaries(files, { foreignKeyTargets: FOREIGN_KEY_TARGETS }), ALLOWANCES);
    expect(open).toEqual([]);
    expect(stale).toEqual([]);
  });
});

/** A tiny repository with two modules, alpha (tables alpha_*) and beta (tables beta_*). */
function synthetic(extra: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries({
      'modules/alpha/server/migrations/0001-init.ts': `export const up = (db) => db.schema.createTable('alpha_items').addColumn('owner_id', 'text', (c) => c.references('beta_people.id'));`,
      'modules/beta/server/migrations/0001-init.ts': `export const up = (db) => db.schema.createTable('beta_people');`,
      'modules/beta/shared/types.ts': 'export type Person = { id: string };',
      'modules/beta/server/index.ts': `export { findPerson } from './find-person.js';`,
      'modules/beta/server/find-person.ts': `export const findPerson = (db) => db.selectFrom('beta_people').selectAll().execute();`,
      'modules/beta/server/test/factories.ts': 'export const person = () => ({});',
      'modules/beta/client/index.ts': 'export const PersonCard = () => null;',
      'modules/beta/client/person-picker.tsx': 'export const PersonPicker = () => null;',
      'modules/beta/module.ts': 'export const betaModule = {};',
      'platform/server/db/database.ts': 'export type AnyDb = unknown;',
      'platform/shared/ids.ts': 'export const newId = () => "x";',
      ...extra,
    }),
  );
}

const check = (extra: Record<string, string>) =>
  checkBoundaries(synthetic(extra), { foreignKeyTargets: ['beta_people'] }).map((v) => `${v.rule} ${v.file} → ${v.target}`);

describe('the boundary checker', () => {
  test('stays quiet over code that keeps the rules', () => {
    const fine = check({
      'modules/alpha/server/use-case.ts': [
        `import type { Person } from '../../beta/shared/types.js';`,
        `import { findPerson } from '../../beta/server/index.js';`,
        `import { newId } from '../../../platform/shared/ids.js';`,
        `// A comment may name beta_people without querying it.`,
        `export const run = (db) => db.selectFrom('alpha_items').innerJoin('alpha_items as i', 'i.id', 'id');`,
      ].join('\n'),
      'modules/alpha/client/page.tsx': `import { PersonCard } from '../../beta/client/index.js';\nimport type { Person } from '../../beta/shared/types.js';`,
      'modules/alpha/server/use-case.test.ts': `import { person } from '../../beta/server/test/factories.js';\nimport { betaModule } from '../../beta/module.js';`,
      'apps/server/modules.ts': `import { betaModule } from '../../modules/beta/module.js';`,
      'platform/server/http/route.test.ts': `import type { Person } from '../../../modules/beta/shared/types.js';`,
      'bench/seed.ts': `export const q = "insert into beta_people values (1)";`,
    });
    expect(fine).toEqual([]);
  });

  test('finds one violation of each kind', () => {
    const found = check({
      // A module reaching past another module's public entries.
      'modules/alpha/server/peek.ts': `import { findPerson } from '../../beta/server/find-person.js';`,
      'modules/alpha/client/picker.tsx': `export { PersonPicker } from '../../beta/client/person-picker.js';`,
      'modules/alpha/server/factories-in-prod.ts': `import { person } from '../../beta/server/test/factories.js';`,
      // Client code importing server code, even its own module's or only a type.
      'modules/alpha/client/rows.tsx': `import type { AnyDb } from '../../../platform/server/db/database.js';`,
      // shared/ importing a side.
      'modules/alpha/shared/contract.ts': `const lazy = () => import('../server/use-case.js');`,
      // platform importing a module.
      'platform/server/http/who.ts': `import type { Person } from '../../../modules/beta/shared/types.js';`,
      // Queries naming another module's tables: the builder, a join, raw SQL, a foreign key not allowed.
      'modules/alpha/server/use-case.ts': `export const run = (db) => db.selectFrom('beta_people').selectAll();`,
      'modules/alpha/server/join.ts': `export const run = (db) => db.selectFrom('alpha_items').innerJoin('beta_people as p', 'p.id', 'owner_id');`,
      // Raw SQL in a template with a placeholder: the table sits in the template's head.
      'modules/alpha/server/raw.ts': `export const run = (sql, id) => sql\`update beta_people set name = ${'$'}{id}\`;`,
      'modules/alpha/server/fk.ts': `export const col = (c) => c.references('beta_people.id');`,
      'apps/server/report.ts': `export const q = (db) => db.deleteFrom('alpha_items');`,
      'modules/beta/server/migrations/0002-link.ts': `export const up = (db) => db.schema.alterTable('beta_people').addColumn('x', 'text', (c) => c.references('alpha_items.id'));`,
    });
    expect(found.sort()).toEqual(
      [
        'module-private modules/alpha/server/peek.ts → ../../beta/server/find-person.js',
        'module-private modules/alpha/client/picker.tsx → ../../beta/client/person-picker.js',
        'module-private modules/alpha/server/factories-in-prod.ts → ../../beta/server/test/factories.js',
        'client-imports-server modules/alpha/client/rows.tsx → ../../../platform/server/db/database.js',
        'shared-imports-side modules/alpha/shared/contract.ts → ../server/use-case.js',
        'platform-imports-module platform/server/http/who.ts → ../../../modules/beta/shared/types.js',
        'foreign-table modules/alpha/server/use-case.ts → beta_people',
        'foreign-table modules/alpha/server/join.ts → beta_people',
        'foreign-table modules/alpha/server/raw.ts → beta_people',
        'foreign-table modules/alpha/server/fk.ts → beta_people',
        'foreign-table apps/server/report.ts → alpha_items',
        // beta's migration points at alpha, which is not on the foreign-key list.
        'foreign-table modules/beta/server/migrations/0002-link.ts → alpha_items',
      ].sort(),
    );
  });

  test('an allowance covers exactly one violation, and one that matches nothing is reported stale', () => {
    const violations = checkBoundaries(
      synthetic({ 'modules/alpha/server/peek.ts': `import '../../beta/server/find-person.js';` }),
      {
        foreignKeyTargets: ['beta_people'],
      },
    );
    const allowance: Allowance = {
      file: 'modules/alpha/server/peek.ts',
      rule: 'module-private',
      target: '../../beta/server/find-person.js',
      reason: 'test',
    };
    const gone: Allowance = { ...allowance, file: 'modules/alpha/server/gone.ts' };
    expect(applyAllowances(violations, [allowance, gone])).toEqual({ open: [], stale: [gone] });
  });
});
