import { createHash, randomBytes } from 'node:crypto';
import { serverModules } from '../../apps/server/modules.js';
import { createMember, createOrganization } from '../../modules/org/server/index.js';
import { migrate } from '../../platform/server/db/migrator.js';
import { newId, type UserId } from '../../platform/shared/ids.js';
import type { DataPlace } from './data-place.js';

/** A signed-in person: their id and the Cookie header of a live session. */
export interface BenchPerson {
  userId: UserId;
  cookie: string;
}

/**
 * Prepares a fresh data place (SQLite or a PostgreSQL schema) before the server starts: all migrations, an
 * organization, one administrator and `count` members, each with a live session.
 *
 * Sessions are written straight into `acc_sessions` (a sha256 of a random secret, exactly what
 * the accounts module's startSession stores) instead of signing in over HTTP: a thousand
 * argon2 logins would take minutes and trip the sign-in rate limit (20/min per address). The
 * server then resolves these cookies through its ordinary session check. Bench-only: no
 * module reads another's tables.
 */
export async function seedPeople(place: DataPlace, count: number): Promise<{ admin: BenchPerson; people: BenchPerson[] }> {
  const handle = place.open();
  try {
    await migrate(
      handle.db,
      serverModules.map((m) => m.migrations),
    );
    await createOrganization(handle.db, 'Bench Manufacturing', 'en-US');
    const all: BenchPerson[] = [];
    const now = Date.now();
    const batch = 500;
    for (let start = -1; start < count; start += batch) {
      await handle.db.transaction().execute(async (tx) => {
        for (let i = start; i < Math.min(count, start + batch); i++) {
          const userId = await createMember(tx, {
            displayName: i < 0 ? 'Bench Admin' : `Bench Person ${i}`,
            email: i < 0 ? 'admin@bench.test' : `person${i}@bench.test`,
            locale: 'en-US',
            timezone: 'UTC',
            roles: i < 0 ? ['admin'] : [],
          });
          const secret = randomBytes(32).toString('base64url');
          await tx
            .insertInto('acc_sessions')
            .values({
              id: newId('ses'),
              user_id: userId,
              token_hash: createHash('sha256').update(secret).digest('hex'),
              user_agent: 'skein-bench',
              ip: '127.0.0.1',
              created_at: now,
              last_seen_at: now,
              expires_at: now + 86_400_000,
              revoked_at: null,
            })
            .execute();
          all.push({ userId, cookie: `skein_session=${secret}` });
        }
      });
    }
    return { admin: all[0], people: all.slice(1) };
  } finally {
    await handle.close();
  }
}
