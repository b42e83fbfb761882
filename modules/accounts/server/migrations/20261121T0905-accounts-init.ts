import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('acc_credentials')
    .addColumn('user_id', col.id, (c) => c.primaryKey().references('org_members.id'))
    .addColumn('password_hash', col.text, (c) => c.notNull())
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('acc_sessions')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('user_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('token_hash', col.text, (c) => c.notNull())
    .addColumn('user_agent', col.text)
    .addColumn('ip', col.text)
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('last_seen_at', col.ms, (c) => c.notNull())
    .addColumn('expires_at', col.ms, (c) => c.notNull())
    .addColumn('revoked_at', col.ms)
    .execute();
  await db.schema.createIndex('acc_sessions_token').on('acc_sessions').column('token_hash').unique().execute();
  await db.schema.createIndex('acc_sessions_user').on('acc_sessions').column('user_id').execute();

  await db.schema
    .createTable('acc_invites')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('token_hash', col.text, (c) => c.notNull())
    .addColumn('created_by', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('email', col.text)
    .addColumn('role', col.text)
    .addColumn('department_id', col.id)
    .addColumn('expires_at', col.ms, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('used_at', col.ms)
    .addColumn('used_by', col.id)
    .addColumn('revoked_at', col.ms)
    .execute();
  await db.schema.createIndex('acc_invites_token').on('acc_invites').column('token_hash').unique().execute();

  await db.schema
    .createTable('acc_tokens')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('user_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('token_hash', col.text, (c) => c.notNull())
    .addColumn('scopes', col.json, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('last_used_at', col.ms)
    .addColumn('expires_at', col.ms)
    .addColumn('revoked_at', col.ms)
    .execute();
  await db.schema.createIndex('acc_tokens_token').on('acc_tokens').column('token_hash').unique().execute();
  await db.schema.createIndex('acc_tokens_user').on('acc_tokens').column('user_id').execute();

  await db.schema
    .createTable('acc_login_attempts')
    .addColumn('subject', col.text, (c) => c.primaryKey())
    .addColumn('failures', col.int, (c) => c.notNull())
    .addColumn('window_started_at', col.ms, (c) => c.notNull())
    .addColumn('locked_until', col.ms)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('accounts_init cannot be undone');
}
