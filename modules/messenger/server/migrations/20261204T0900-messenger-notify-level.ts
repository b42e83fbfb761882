import { type Kysely, sql } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

/**
 * Per-person notification level of a chat: `all`, `mentions` (only @me/@all notify) or
 * `nothing`. A muted chat was "nothing"; `muted` stays, kept equal to level = nothing, so
 * readers of the old flag (the mute endpoint, @all fan-out) keep their meaning.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('msg_members')
    .addColumn('notify_level', col.text, (c) => c.notNull().defaultTo('all'))
    .execute();
  await sql`update msg_members set notify_level = 'nothing' where muted = 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('messenger_notify_level cannot be undone');
}
