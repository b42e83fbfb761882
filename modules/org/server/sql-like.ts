import { type RawBuilder, sql } from 'kysely';

/** Escapes LIKE wildcards so user text (`50%`, `a_b`) matches literally; pair with `escape '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE pattern ESCAPE '\'`, written once for both dialects: SQLite has no default
 * escape character, Postgres defaults to backslash; naming it keeps them identical.
 */
export function like(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Rows whose materialized path lies in the subtree rooted at `path` (the root included). */
export function inSubtree(column: string, path: string): RawBuilder<boolean> {
  return like(column, `${escapeLike(path)}%`);
}
