import type { Kysely } from 'kysely';
import { col } from '../../../../platform/server/db/schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_organization')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('default_locale', col.text, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_departments')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('parent_id', col.id, (c) => c.references('org_departments.id'))
    .addColumn('name', col.text, (c) => c.notNull())
    .addColumn('path', col.text, (c) => c.notNull())
    .addColumn('depth', col.int, (c) => c.notNull())
    .addColumn('sort', col.int, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_departments_path').on('org_departments').column('path').unique().execute();
  await db.schema.createIndex('org_departments_parent').on('org_departments').column('parent_id').execute();

  await db.schema
    .createTable('org_members')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('display_name', col.text, (c) => c.notNull())
    .addColumn('names', col.json, (c) => c.notNull().defaultTo('{}'))
    .addColumn('email', col.text, (c) => c.notNull())
    .addColumn('phone', col.text)
    .addColumn('title', col.text)
    .addColumn('job_sequence', col.text)
    .addColumn('job_level', col.text)
    .addColumn('manager_id', col.id, (c) => c.references('org_members.id'))
    .addColumn('site', col.text)
    .addColumn('timezone', col.text, (c) => c.notNull())
    .addColumn('locale', col.text, (c) => c.notNull())
    .addColumn('avatar_file_id', col.id)
    .addColumn('status', col.text, (c) => c.notNull())
    .addColumn('search_text', col.text, (c) => c.notNull())
    .addColumn('created_at', col.ms, (c) => c.notNull())
    .addColumn('updated_at', col.ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_members_email').on('org_members').column('email').unique().execute();
  await db.schema.createIndex('org_members_manager').on('org_members').column('manager_id').execute();

  await db.schema
    .createTable('org_member_departments')
    .addColumn('member_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('department_id', col.id, (c) => c.notNull().references('org_departments.id'))
    .addColumn('is_primary', col.bool, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('org_member_departments_pk', ['member_id', 'department_id'])
    .execute();
  await db.schema.createIndex('org_member_departments_department').on('org_member_departments').column('department_id').execute();

  await db.schema
    .createTable('org_member_roles')
    .addColumn('member_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('role', col.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('org_member_roles_pk', ['member_id', 'role'])
    .execute();

  await db.schema
    .createTable('org_role_scopes')
    .addColumn('member_id', col.id, (c) => c.notNull().references('org_members.id'))
    .addColumn('department_id', col.id, (c) => c.notNull().references('org_departments.id'))
    .addPrimaryKeyConstraint('org_role_scopes_pk', ['member_id', 'department_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('org_init cannot be undone');
}
