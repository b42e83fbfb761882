import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layout rules of ARCHITECTURE.md ("Layout: vertical slices"), checked over the import graph
 * and the string literals of every .ts/.tsx file, so a boundary holds by a failing test rather
 * than by discipline. Pure over a map of files, so the checker itself is testable (see
 * boundaries.test.ts and docs/adr/0011-enforced-boundaries.md).
 */

export type Rule =
  /** A module reaches into another module past its shared/ and server|client/index.ts. */
  | 'module-private'
  /** Client code (runs in the browser) imports server code. */
  | 'client-imports-server'
  /** shared/ code (runs on both sides) imports server or client code. */
  | 'shared-imports-side'
  /** platform/ (no product logic) imports a module. */
  | 'platform-imports-module'
  /** Code names a table another module owns (tables are prefixed per module). */
  | 'foreign-table';

export interface Violation {
  file: string;
  rule: Rule;
  /** The import specifier or the table named. */
  target: string;
}

/** A known violation kept for now: who, what, and why it is not fixed yet. */
export interface Allowance {
  file: string;
  rule: Rule;
  target: string;
  reason: string;
}

type Side = 'shared' | 'server' | 'client' | 'other';

interface Place {
  area: 'module' | 'platform' | 'apps' | 'other';
  /** The module's id (modules/<id>/…); undefined outside modules. */
  module?: string;
  side: Side;
  /** Tests, test helpers, benchmarks and e2e journeys. */
  test: boolean;
}

const TEST_FILE = /\.test\.tsx?$|(^|\/)test\/|^(e2e|bench)\//;

/** Where a repository-relative path sits in the layout. */
export function placeOf(file: string): Place {
  const test = TEST_FILE.test(file);
  const mod = file.match(/^modules\/([^/]+)\/(.*)$/);
  if (mod) {
    const rest = mod[2];
    const part = rest.split('/')[0];
    // module.ts is the server manifest (routes, migrations, event handlers).
    const side: Side =
      rest === 'module.ts' ? 'server' : part === 'shared' || part === 'server' || part === 'client' ? part : 'other';
    return { area: 'module', module: mod[1], side, test };
  }
  const plat = file.match(/^platform\/(shared|server|client)\//);
  if (plat) return { area: 'platform', side: plat[1] as Side, test };
  if (file.startsWith('apps/server/')) return { area: 'apps', side: 'server', test };
  if (file.startsWith('apps/web/')) return { area: 'apps', side: 'client', test };
  return { area: 'other', side: 'other', test };
}

/** What another module may be entered through, from a place on this side. */
function isPublicEntry(target: string, from: Place): boolean {
  const m = target.match(/^modules\/[^/]+\/(.*)$/);
  if (!m) return true;
  const rest = m[1];
  if (rest.startsWith('shared/')) return true;
  if (rest === 'server/index.ts') return from.side !== 'client' && from.side !== 'shared';
  if (rest === 'client/index.ts') return from.side === 'client';
  // A module's test factories are the public way for another module's tests to set up a world.
  if (from.test && rest.startsWith('server/test/')) return true;
  return false;
}

/** Resolves a relative specifier to a repository file (`./x.js` → `x.ts` or `x.tsx`). */
function resolve(importer: string, specifier: string, files: ReadonlyMap<string, string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(importer), specifier));
  const base = joined.replace(/\.(js|jsx|mjs|ts|tsx)$/, '');
  for (const candidate of [joined, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (files.has(candidate)) return candidate;
  }
  return joined;
}

interface Scan {
  imports: string[];
  strings: string[];
}

/** The import specifiers (static, re-exports, dynamic, type-only) and string literals of a file. */
function scan(file: string, text: string): Scan {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: string[] = [];
  const strings: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      imports.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) imports.push(arg.text);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push(node.argument.literal.text);
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      strings.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, strings };
}

/** Tables each module creates in its migrations: `createTable('org_members')` → org_members → org. */
export function tableOwners(files: ReadonlyMap<string, string>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [file, text] of files) {
    const m = file.match(/^modules\/([^/]+)\/server\/migrations\//);
    if (!m) continue;
    for (const [, table] of text.matchAll(/createTable\(\s*['"`]([A-Za-z0-9_]+)['"`]/g)) owners.set(table, m[1]);
  }
  return owners;
}

export interface CheckOptions {
  /** Table → owning module; defaults to what the migrations create. */
  owners?: ReadonlyMap<string, string>;
  /**
   * Tables any module may name in a migration's foreign key (`.references('org_members.id')`):
   * every person-owned row points at its member, and the database keeps that honest.
   */
  foreignKeyTargets?: readonly string[];
}

/** Every violation of the layout rules in these files (repository-relative paths → source). */
export function checkBoundaries(files: ReadonlyMap<string, string>, options: CheckOptions = {}): Violation[] {
  const owners = options.owners ?? tableOwners(files);
  const fkTargets = new Set(options.foreignKeyTargets ?? []);
  const tablePattern =
    owners.size > 0
      ? new RegExp(`(?<![A-Za-z0-9_])(${[...owners.keys()].join('|')})(?![A-Za-z0-9_])(\\.[a-z_]+)?`, 'g')
      : undefined;
  const out: Violation[] = [];
  for (const [file, text] of files) {
    if (!/\.tsx?$/.test(file) || file.endsWith('.d.ts')) continue;
    const from = placeOf(file);
    const { imports, strings } = scan(file, text);
    for (const specifier of imports) {
      const target = resolve(file, specifier, files);
      if (!target) continue;
      const to = placeOf(target);
      const add = (rule: Rule) => out.push({ file, rule, target: specifier });
      if (to.area === 'module' && to.module !== from.module && from.area !== 'other' && !isPublicEntry(target, from)) {
        // apps/server wires modules together through their manifests, and so may a test.
        const composes = (from.area === 'apps' && from.side === 'server') || from.test;
        const manifest = composes && /^modules\/[^/]+\/module\.ts$/.test(target);
        if (!manifest) add('module-private');
      }
      if (from.side === 'client' && to.side === 'server') add('client-imports-server');
      if (from.side === 'shared' && (to.side === 'server' || to.side === 'client' || to.area === 'apps'))
        add('shared-imports-side');
      // Platform tests drive the composed app through modules' public entries; platform code never does.
      if (from.area === 'platform' && !from.test && to.area === 'module') add('platform-imports-module');
    }
    // Benchmarks, e2e journeys and scripts are tooling outside the slices: they may seed tables directly.
    if (!tablePattern || from.area === 'other') continue;
    const isMigration = /^modules\/[^/]+\/server\/migrations\//.test(file);
    const seen = new Set<string>();
    for (const literal of strings) {
      for (const [, table, column] of literal.matchAll(tablePattern)) {
        const owner = owners.get(table);
        if (owner === undefined || owner === from.module || seen.has(table)) continue;
        if (isMigration && column && fkTargets.has(table) && literal === `${table}${column}`) continue;
        seen.add(table);
        out.push({ file, rule: 'foreign-table', target: table });
      }
    }
  }
  return out;
}

/** Violations not covered by an allowance, and allowances that no longer match anything (stale). */
export function applyAllowances(
  violations: readonly Violation[],
  allowances: readonly Allowance[],
): { open: Violation[]; stale: Allowance[] } {
  const key = (v: { file: string; rule: Rule; target: string }) => `${v.file}\u0000${v.rule}\u0000${v.target}`;
  const allowed = new Set(allowances.map(key));
  const found = new Set(violations.map(key));
  return { open: violations.filter((v) => !allowed.has(key(v))), stale: allowances.filter((a) => !found.has(key(a))) };
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'coverage', 'test-results', 'playwright-report']);

/** Every .ts/.tsx file under the repository's source folders, keyed by repository-relative path. */
export function readRepository(
  root: string,
  folders = ['apps', 'platform', 'modules', 'scripts', 'e2e', 'bench'],
): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name)) files.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder);
  return files;
}
