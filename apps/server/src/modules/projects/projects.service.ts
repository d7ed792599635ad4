import type { Project, ProjectListQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { stampedCache } from '../../kernel/cache/stamped.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { presentProject } from './projects.presenter.js';
import { loadProjectRefs, projectOrder, scopedProjects } from './projects.repository.js';
import { projectActions, projectScope, relationTo, seesAllProjects } from './projects.policy.js';
import { projectFigures } from './project-file.service.js';

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

export async function getProject(ctx: Ctx, id: string) {
  const actor = assertCan(ctx, 'project.read');
  const row = await ctx.db.selectFrom('projects').selectAll().where('id', '=', id).where(projectScope(actor)).executeTakeFirst();
  // Not visible and not there answer alike: 404.
  if (!row) throw notFound('project');
  const rel = await relationTo(ctx.db, actor, row);
  return {
    ...presentProject(row, await loadProjectRefs(ctx.db, [row])),
    constructionHours: row.constructionHours,
    impactNotice: row.impactNotice,
    figures: await projectFigures(ctx, row),
    allowedActions: projectActions(actor, rel, row.archivedAt !== null),
  };
}

/**
 * The whole district's map (leaders, departments: every project) is the same for all of them and changes only when a
 * project or a street does: it is kept serialised, under a stamp read in one round trip — how many projects there are,
 * the latest and the sum of their change times (every write sets updated_at, the light job included), the sum of
 * their versions (every registry edit), and the latest change of a unit (a street's name). Narrower scopes (a
 * commissioner's projects) are small and built each time.
 */
const wholeMap = stampedCache<string>(1);

async function mapStamp(ctx: Ctx): Promise<string> {
  // One pass over the projects; the units' latest change off its own scan.
  const row = await ctx.db.selectFrom('projects').select((eb) => [
    eb.fn.countAll<number>().as('n'), eb.fn.max('projects.updatedAt').as('m'), eb.fn.sum<number>('projects.updatedAt').as('s'),
    eb.fn.sum<number>('projects.version').as('v'), eb.selectFrom('units').select((e) => e.fn.max('units.updatedAt').as('u')).as('u'),
  ]).executeTakeFirstOrThrow();
  return `${row.n}|${row.m}|${row.s}|${row.v}|${row.u}`;
}

/** Points for the map: every visible project with a location, as GeoJSON FeatureCollection text. */
export async function projectsGeoJson(ctx: Ctx): Promise<string> {
  const actor = assertCan(ctx, 'project.read');
  if (!seesAllProjects(actor)) return JSON.stringify(await buildGeoJson(ctx, actor));
  return wholeMap(ctx.db, 'all', await mapStamp(ctx), async () => JSON.stringify(await buildGeoJson(ctx, actor)));
}

async function buildGeoJson(ctx: Ctx, actor: Actor) {
  const rows = await ctx.db.selectFrom('projects')
    .leftJoin('units as street', 'street.id', 'projects.streetId')
    .select(['projects.id', 'projects.code', 'projects.name', 'projects.lat', 'projects.lng', 'projects.light', 'projects.phase', 'projects.address', 'street.name as streetName'])
    .where(projectScope(actor)).where('projects.archivedAt', 'is', null)
    .where('projects.lat', 'is not', null).where('projects.lng', 'is not', null)
    .orderBy('projects.code').execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: { type: 'Point' as const, coordinates: [r.lng!, r.lat!] as [number, number] },
      properties: { id: r.id, code: r.code, name: r.name, light: r.light, phase: r.phase, address: r.address, street: r.streetName },
    })),
  };
}
