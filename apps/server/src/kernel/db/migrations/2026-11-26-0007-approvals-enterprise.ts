import type { Kysely } from 'kysely';
import seed from '../../../../seed/approval-items.json' with { type: 'json' };
import { newId } from '../../ids.js';

/**
 * Approval agency (审批代办): the catalogue of approval items with its templates per project category — reference
 * data every installation needs, so it is seeded here and edited by the admin afterwards — and the projects'
 * approval chains. Enterprise needs (企业诉求): the typed detail of an `enterprise` case, keyed by the case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const id = 'varchar(64)' as const;
  const now = Date.now();

  await db.schema
    .createTable('approval_items')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('authority', 'varchar(100)', (c) => c.notNull())
    .addColumn('authority_level', 'varchar(10)', (c) => c.notNull())
    .addColumn('statutory_days', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approval_template_items')
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('item_id', id, (c) => c.notNull().references('approval_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_template_items_pk', ['category', 'item_id'])
    .execute();

  await db.schema
    .createTable('project_approvals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('project_id', id, (c) => c.notNull().references('projects.id'))
    .addColumn('item_id', id, (c) => c.notNull().references('approval_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('agent_id', id, (c) => c.references('users.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('planned_on', 'varchar(10)')
    .addColumn('preparing_on', 'varchar(10)')
    .addColumn('submitted_on', 'varchar(10)')
    .addColumn('accepted_on', 'varchar(10)')
    .addColumn('approved_on', 'varchar(10)')
    .addColumn('sent_back_on', 'varchar(10)')
    .addColumn('sent_back_reason', 'text')
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('statutory_days', 'integer', (c) => c.notNull())
    .addColumn('level', 'varchar(10)')
    .addColumn('block_case_id', id, (c) => c.references('cases.id'))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('project_approvals_project_item', ['project_id', 'item_id'])
    .execute();
  await db.schema.createIndex('project_approvals_project').on('project_approvals').columns(['project_id', 'position']).execute();
  await db.schema.createIndex('project_approvals_item').on('project_approvals').columns(['item_id', 'status']).execute();
  await db.schema.createIndex('project_approvals_status').on('project_approvals').column('status').execute();
  await db.schema.createIndex('project_approvals_agent').on('project_approvals').column('agent_id').execute();
  await db.schema.createIndex('project_approvals_block_case').on('project_approvals').column('block_case_id').execute();

  await db.schema
    .createTable('enterprise_needs')
    .addColumn('case_id', id, (c) => c.primaryKey().references('cases.id'))
    .addColumn('need_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('coordinating_unit_ids', 'text', (c) => c.notNull())
    .addColumn('amount_requested', 'double precision')
    .addColumn('amount_arranged', 'double precision')
    .addColumn('tenants_target', 'integer')
    .addColumn('tenants_signed', 'integer')
    .addColumn('parking_requested', 'integer')
    .addColumn('parking_approved', 'integer')
    .addColumn('outcome_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_needs_type_level').on('enterprise_needs').columns(['need_type', 'level']).execute();

  const items = seed.items.map((it, i) => ({
    id: newId(), code: it.code, name: it.name, authority: it.authority, authority_level: it.authorityLevel,
    statutory_days: it.statutoryDays, materials: JSON.stringify(it.materials), basis: it.basis, sort_order: (i + 1) * 10,
    is_active: 1, version: 1, created_at: now, updated_at: now,
  }));
  await db.insertInto('approval_items').values(items).execute();
  const byCode = new Map(items.map((it) => [it.code, it.id]));
  const templateRows = Object.entries(seed.templates as Record<string, string[]>).flatMap(([category, codes]) =>
    codes.map((code, i) => ({ category, item_id: byCode.get(code)!, position: i + 1 })));
  await db.insertInto('approval_template_items').values(templateRows).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
