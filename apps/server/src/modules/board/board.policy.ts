import type { Actor, Ctx } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { projectScope } from '../projects/projects.policy.js';
import { districtKeysOfUnit } from './board-read.repository.js';
import { appointedProjectIds, districtOfUnit, findUnit, listDistricts } from './board-sources.js';

/**
 * Whose figures a caller sees (issue 8): the district for leaders and the organisation department, their projects for
 * a commissioner or an assistant, their unit's cases for a department or street. The scope is a set of counter keys
 * (d:<district> / p:<project>) and a unit ('' = every case of the keys), so the same counters serve every role.
 */
export type BoardScope = {
  kind: 'district' | 'project' | 'unit';
  label: string;
  districtIds: string[];
  /** Counter scopes to add up. */
  keys: string[];
  /** The unit dimension of the counters: '' or a handling unit. */
  unit: string;
  /** Projects the project sections cover; null: every project of `districtIds`; [] none (a department). */
  projectIds: string[] | null;
  /** A street's board also lists the projects in the street. */
  streetId: string | null;
  /** Filters every drill-down link carries (the list API's parameters). */
  drill: Record<string, string>;
  /** Cache versions the figures depend on. */
  versionKeys: string[];
};

const SEES_DISTRICT = ['leader', 'org_admin'];
const HANDLES = ['dept_handler', 'street_handler'];
const has = (actor: Actor, roles: string[]) => actor.roles.some((r) => roles.includes(r));

async function districtScope(ctx: Ctx, actor: Actor): Promise<BoardScope> {
  const unit = actor.unitId ? await findUnit(ctx.db, actor.unitId) : undefined;
  // Someone above the districts (no district of their own) sees all of them.
  return districtBoardScope(ctx, unit ? districtOfUnit(unit) : null, unit?.kind === 'district' ? unit : undefined);
}

/** One district's board (or every district's, for null): the leaders' scope, and the weekly briefing's. */
export async function districtBoardScope(ctx: Ctx, districtId: string | null, known?: { id: string; name: string }): Promise<BoardScope> {
  const chosen = known && known.id === districtId ? [known] : (await listDistricts(ctx.db)).filter((d) => !districtId || d.id === districtId);
  return {
    kind: 'district', label: chosen.map((d) => d.name).join('、') || '全部', districtIds: chosen.map((d) => d.id),
    keys: chosen.map((d) => `d:${d.id}`), unit: '', projectIds: null, streetId: null, drill: {},
    versionKeys: chosen.length === 1 ? [`d:${chosen[0]!.id}`] : ['*'],
  };
}

async function projectsScope(ctx: Ctx, projectIds: string[]): Promise<BoardScope> {
  const rows = projectIds.length ? await ctx.db.selectFrom('projects').select(['id', 'name', 'districtId']).where('id', 'in', projectIds).orderBy('code').execute() : [];
  const districtIds = [...new Set(rows.map((r) => r.districtId))];
  return {
    kind: 'project', label: rows.map((r) => r.name).join('、'), districtIds, keys: rows.map((r) => `p:${r.id}`), unit: '',
    projectIds: rows.map((r) => r.id), streetId: null, drill: rows.length === 1 ? { projectId: rows[0]!.id } : {},
    versionKeys: districtIds.map((d) => `d:${d}`),
  };
}

async function unitScope(ctx: Ctx, unitId: string): Promise<BoardScope> {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound('unit');
  const keys = await districtKeysOfUnit(ctx.db, unit.id);
  const own = districtOfUnit(unit);
  if (!keys.length && own) keys.push(`d:${own}`);
  const isStreet = unit.kind === 'street';
  return {
    kind: 'unit', label: unit.name, districtIds: keys.map((k) => k.slice(2)), keys, unit: unit.id,
    projectIds: isStreet ? null : [], streetId: isStreet ? unit.id : null, drill: { unitId: unit.id }, versionKeys: ['*'],
  };
}

/** The caller's own scope, narrowed to a project and/or a unit when asked (and allowed). */
export async function resolveBoardScope(ctx: Ctx, actor: Actor, narrow: { projectId?: string; unitId?: string } = {}): Promise<BoardScope> {
  let scope: BoardScope;
  if (has(actor, SEES_DISTRICT)) scope = await districtScope(ctx, actor);
  else if (has(actor, ['commissioner', 'assistant'])) scope = await projectsScope(ctx, await appointedProjectIds(ctx.db, actor.userId));
  else if (has(actor, HANDLES) && actor.unitId) scope = await unitScope(ctx, actor.unitId);
  else throw new AppError('FORBIDDEN', 'no board for this role');

  if (narrow.unitId && narrow.unitId !== scope.unit) {
    if (scope.kind === 'unit') throw new AppError('FORBIDDEN', 'a unit sees its own board only');
    const unit = await findUnit(ctx.db, narrow.unitId);
    if (!unit) throw notFound('unit');
    const street = scope.kind === 'district' && unit.kind === 'street';
    scope = {
      ...scope, kind: 'unit', label: `${scope.label} · ${unit.name}`, unit: unit.id, versionKeys: ['*'], drill: { ...scope.drill, unitId: unit.id },
      projectIds: scope.kind === 'project' ? scope.projectIds : street ? null : [], streetId: street ? unit.id : null,
    };
  }
  if (narrow.projectId) {
    // Visible to the caller (404 otherwise), and within a district board's districts.
    const p = await ctx.db.selectFrom('projects').select(['id', 'name', 'districtId']).where('id', '=', narrow.projectId).where(projectScope(actor)).executeTakeFirst();
    if (!p || (scope.kind === 'district' && !scope.districtIds.includes(p.districtId))) throw notFound('project');
    if (scope.kind === 'project' && !scope.projectIds!.includes(p.id)) throw notFound('project');
    scope = {
      ...scope, kind: scope.unit ? 'unit' : 'project', label: scope.unit ? `${p.name} · ${scope.label}` : p.name, districtIds: [p.districtId],
      keys: [`p:${p.id}`], projectIds: [p.id], streetId: null, drill: { ...scope.drill, projectId: p.id },
      versionKeys: scope.unit ? ['*'] : [`d:${p.districtId}`],
    };
  }
  return scope;
}
