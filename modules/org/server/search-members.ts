import { type RawBuilder, sql } from 'kysely';
import type { AnyDb } from '../../../platform/server/db/database.js';
import { authorize, type Caller } from '../../../platform/server/permissions.js';
import { AppError, platformErrors } from '../../../platform/shared/errors.js';
import type { MemberPage } from '../shared/contract.js';
import { requireDepartment } from './departments.js';
import { toMemberViews } from './queries.js';
import { normalizeQuery } from './search-text.js';
import { escapeLike, inSubtree, like } from './sql-like.js';
import type { OrgDb } from './tables.js';

export interface MemberQuery {
  q?: string;
  departmentId?: string;
  subtree?: boolean;
  status?: 'active' | 'deactivated' | 'all';
  cursor?: string;
  limit: number;
}

/** Position of the last row of a page: (rank, sort name, id), the sort key. */
type CursorKey = [number, string, string];

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && typeof key[0] === 'number' && typeof key[1] === 'string' && typeof key[2] === 'string') {
      return key as CursorKey;
    }
  } catch {
    // fall through: a tampered cursor is bad input, not a server error
  }
  throw new AppError(platformErrors['request.validation_failed'], { details: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/**
 * How well a row matches: 0 when q is a whole indexed term (a full name, its pinyin, the
 * email), 1 when a term starts with q, 2 when q occurs inside a term. search_text is
 * ` term term … `, so the surrounding spaces mark term boundaries.
 */
function rankOf(q: string): RawBuilder<number> {
  if (!q) return sql<number>`0`;
  const e = escapeLike(q);
  return sql<number>`(case when ${like('search_text', `% ${e} %`)} then 0 when ${like('search_text', `% ${e}%`)} then 1 else 2 end)`;
}

/** Who may list deactivated people: those who manage them. */
const seeDeactivated = { roles: ['admin' as const, 'hr_admin' as const] };

/** The directory search endpoint: everybody searches active people; admins may include the deactivated. */
export async function searchMembersUseCase(db: AnyDb, caller: Caller, query: MemberQuery): Promise<MemberPage> {
  if ((query.status ?? 'active') !== 'active') authorize(caller, seeDeactivated);
  return findMembers(db, query);
}

/**
 * One query over org_members: a LIKE over the precomputed, lower-cased search_text (no
 * per-row conversion), optional department (subtree by path prefix), ranked, keyset-paged.
 * Works the same on SQLite and Postgres (LIKE is case-sensitive there, so both sides are lower-case).
 */
export async function findMembers(anyDb: AnyDb, query: MemberQuery): Promise<MemberPage> {
  const db: OrgDb = anyDb;
  const q = query.q ? normalizeQuery(query.q) : '';
  const rank = rankOf(q);
  let select = db.selectFrom('org_members').selectAll().select(rank.as('rank'));
  if (q) select = select.where(like('search_text', `%${escapeLike(q)}%`));
  const status = query.status ?? 'active';
  if (status !== 'all') select = select.where('status', '=', status);
  if (query.departmentId) {
    const dep = await requireDepartment(db, query.departmentId);
    select = query.subtree
      ? select.where('id', 'in', (eb) =>
          eb
            .selectFrom('org_member_departments')
            .innerJoin('org_departments', 'org_departments.id', 'org_member_departments.department_id')
            .select('org_member_departments.member_id')
            .where(inSubtree('org_departments.path', dep.path)),
        )
      : select.where('id', 'in', (eb) =>
          eb.selectFrom('org_member_departments').select('member_id').where('department_id', '=', dep.id),
        );
  }
  if (query.cursor) {
    const [r, name, id] = decodeCursor(query.cursor);
    select = select.where(sql<boolean>`(${rank}, sort_name, id) > (${r}, ${name}, ${id})`);
  }
  // A bare constant in ORDER BY would be read as a column number: order by rank only when searching.
  if (q) select = select.orderBy(rank);
  const rows = await select
    .orderBy('sort_name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor([Number(last.rank), last.sort_name, last.id]) : null;
  return { items: await toMemberViews(db, page), nextCursor };
}
