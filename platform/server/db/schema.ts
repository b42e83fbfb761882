import type { ColumnDefinitionBuilder } from 'kysely';

/**
 * Column conventions shared by both dialects, so one migration runs on SQLite and PostgreSQL:
 * ids and text as `text`, instants as `bigint` UTC milliseconds, booleans as 0/1 `integer`,
 * JSON as `text`.
 */
export const col = {
  id: 'text',
  text: 'text',
  ms: 'bigint',
  int: 'integer',
  bool: 'integer',
  json: 'text',
} as const;

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
export const primary = (c: ColumnDefinitionBuilder) => c.primaryKey();
