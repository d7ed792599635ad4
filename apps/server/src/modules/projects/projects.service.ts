import type { Project, ProjectListQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import type { Ctx } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { presentProject } from './projects.presenter.js';
import { loadProjectRefs, projectOrder, scopedProjects } from './projects.repository.js';
import { projectScope } from './projects.policy.js';

export async function listProjects(ctx: Ctx, q: ProjectListQuery) {
  const actor = assertCan(ctx, 'project.read');
  const base = scopedProjects(ctx.db, ctx.dialect, actor, q);
  const [col, dir] = projectOrder(q.sort);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll('projects').orderBy(col, dir).orderBy('projects.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const refs = await loadProjectRefs(ctx.db, rows);
  return { items: rows.map((r) => presentProject(r, refs)), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** Every project of a filtered list (for exports), in pages so memory stays flat. */
export async function* iterateProjects(ctx: Ctx, q: Omit<ProjectListQuery, 'page' | 'pageSize'>): AsyncGenerator<Project[]> {
  const actor = assertCan(ctx, 'project.export');
  const [col, dir] = projectOrder(q.sort);
  for (let offset = 0; ; offset += 500) {
    const rows = await scopedProjects(ctx.db, ctx.dialect, actor, q).selectAll('projects').orderBy(col, dir).orderBy('projects.id').limit(500).offset(offset).execute();
    if (rows.length === 0) return;
    const refs = await loadProjectRefs(ctx.db, rows);
    yield rows.map((r) => presentProject(r, refs));
    if (rows.length < 500) return;
  }
}

export async function getProject(ctx: Ctx, id: string): Promise<Project> {
  const actor = assertCan(ctx, 'project.read');
  const row = await ctx.db.selectFrom('projects').selectAll().where('id', '=', id).where(projectScope(actor)).executeTakeFirst();
  // Not visible and not there answer alike: 404.
  if (!row) throw notFound('project');
  return presentProject(row, await loadProjectRefs(ctx.db, [row]));
}
