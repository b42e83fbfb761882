import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../../platform/server/app-context.js';
import { AUDIT_EXPORT_MAX_ROWS } from '../shared/contract.js';
import { type AuditFilter, auditRows } from './audit-query.js';
import { actorNames, toEntryView } from './list-audit.js';
import type { AuditDb } from './tables.js';

const PAGE = 1000;
const HEADER = ['time_utc', 'actor_id', 'actor_name', 'action', 'target_type', 'target_id', 'details', 'ip'];

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break; and a leading
 * = + - @ (or tab/CR) is defused with an apostrophe, so a spreadsheet opening the export never
 * runs a formula an attacker put into a department name (OWASP "CSV injection").
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV text, a page of rows per query, so a large log never sits in memory at once. */
async function* csvChunks(ctx: AppContext, filter: AuditFilter): AsyncGenerator<string> {
  const db: AuditDb = ctx.db;
  yield `\uFEFF${HEADER.join(',')}\r\n`;
  let before: string | undefined;
  let written = 0;
  for (;;) {
    let q = auditRows(db, filter).limit(PAGE);
    if (before) q = q.where('id', '<', before);
    const rows = await q.execute();
    const names = await actorNames(ctx, rows);
    const take = rows.slice(0, AUDIT_EXPORT_MAX_ROWS - written);
    yield take
      .map((r) => {
        const v = toEntryView(r, names);
        const cells = [v.createdAt, v.actorId, v.actorName, v.action, v.targetType, v.targetId, JSON.stringify(v.details), v.ip];
        return `${cells.map(csvCell).join(',')}\r\n`;
      })
      .join('');
    written += take.length;
    if (take.length < rows.length) {
      yield `# cut at ${AUDIT_EXPORT_MAX_ROWS} rows: narrow the filter to export the rest\r\n`;
      return;
    }
    if (rows.length < PAGE) return;
    before = rows[rows.length - 1].id;
  }
}

/** Streams the filtered log as a CSV download. */
export function exportAuditUseCase(ctx: AppContext, filter: AuditFilter, reply: FastifyReply) {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="skein-audit-${day}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvChunks(ctx, filter)));
}
