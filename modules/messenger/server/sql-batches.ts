/*
 * SQLite refuses a statement with more than 32,766 bound variables and PostgreSQL with more than
 * 65,535. Every list the messenger binds whose length an input decides (mentions, members,
 * followers, ids) goes through these batches, so no input can turn into a 500.
 */

/** Rows per multi-row insert: 500 rows of up to 10 columns stay far below either limit. */
export const ROW_BATCH = 500;
/** Ids per `in (...)` list. */
export const ID_BATCH = 1000;

/** The list cut into consecutive pieces of at most `size`. */
export function chunks<T>(items: readonly T[], size = ID_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
