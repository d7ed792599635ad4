import { lightRuleNames, type LightReason, type LightRules } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { staleVersion } from '../../kernel/errors/app-error.js';
import { hasProjectSignal, projectSignal, type ProjectSignalName } from './board-figures.js';
import { gaugesByScope } from './board-read.repository.js';
import { investmentInYear, listProjects } from './board-sources.js';
import { bumpVersions } from './board-stats.repository.js';
import { DEFAULT_LIGHT_RULES, evaluateLight, investmentOf, type LightInputs } from './light-rules.js';

/** The rules live in the settings table as JSON, with their own version for optimistic concurrency. */
const SETTING = 'board.light-rules';
type StoredRules = LightRules & { updatedAt: number | null };

export async function loadLightRules(db: Tx): Promise<StoredRules> {
  const row = await db.selectFrom('settings').select(['value', 'updatedAt']).where('key', '=', SETTING).executeTakeFirst();
  if (!row) return { ...DEFAULT_LIGHT_RULES, version: 1, updatedAt: null };
  const v = JSON.parse(row.value) as LightRules;
  return { enabled: v.enabled, rules: { ...DEFAULT_LIGHT_RULES.rules, ...v.rules }, version: v.version, updatedAt: row.updatedAt };
}

const SIGNALS: ProjectSignalName[] = ['majorHazards', 'approvalsOverLimit', 'highRiskDisputes'];
const present = (r: StoredRules) => ({
  enabled: r.enabled, rules: r.rules, version: r.version, updatedAt: toIso(r.updatedAt),
  unavailable: lightRuleNames.filter((n) => SIGNALS.includes(n as ProjectSignalName) && !hasProjectSignal(n as ProjectSignalName)),
});

export async function getLightRules(ctx: Ctx) {
  assertCan(ctx, 'board.read');
  return present(await loadLightRules(ctx.db));
}

/** The organisation department edits the rules (audited); every project's light is then computed again. */
export async function updateLightRules(ctx: Ctx, body: LightRules) {
  assertCan(ctx, 'board.light-rules.manage');
  const current = await loadLightRules(ctx.db);
  if (current.version !== body.version) throw staleVersion();
  const next: LightRules = { enabled: body.enabled, rules: body.rules, version: body.version + 1 };
  const now = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    // The version check again, in the write: a concurrent edit of the same version loses.
    const res = current.updatedAt === null
      ? await trx.insertInto('settings').values({ key: SETTING, value: JSON.stringify(next), updatedAt: now }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst()
      : await trx.updateTable('settings').set({ value: JSON.stringify(next), updatedAt: now }).where('key', '=', SETTING).where('updatedAt', '=', current.updatedAt).executeTakeFirst();
    const n = 'numInsertedOrUpdatedRows' in res ? Number(res.numInsertedOrUpdatedRows ?? 0) : Number((res as { numUpdatedRows: bigint }).numUpdatedRows);
    if (n !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'board.light-rules-updated', entityType: 'setting', entityId: SETTING, changes: diff({ enabled: current.enabled, ...current.rules }, { enabled: next.enabled, ...next.rules }) });
  });
  await refreshProjectLights(ctx);
  return present({ ...next, updatedAt: now });
}

/**
 * Computes the composite light of projects (all live ones, or those given) and stores it with its reasons; when the
 * rules are on, a changed light is written to the project (audited, `project.light-changed`). Idempotent.
 */
export async function refreshProjectLights(ctx: Ctx, projectIds?: string[]): Promise<{ computed: number; changed: number }> {
  const rules = await loadLightRules(ctx.db);
  const projects = await listProjects(ctx.db, projectIds ? { projectIds } : {});
  if (!projects.length) return { computed: 0, changed: 0 };
  const ids = projects.map((p) => p.id);
  const today = shanghaiDate(ctx.now());
  const [gauges, invested, ...signals] = await Promise.all([
    gaugesByScope(ctx.db, ids.map((id) => `p:${id}`), ''),
    investmentInYear(ctx.db, ids, today.slice(0, 4)),
    ...SIGNALS.map((s) => projectSignal(ctx, s, ids)),
  ]);
  const stored = new Map((await ctx.db.selectFrom('boardProjectLights').select(['projectId', 'light', 'reasons', 'inputs', 'dirty']).where('projectId', 'in', ids).execute()).map((r) => [r.projectId, r]));
  const now = ctx.now().getTime();
  const writes: { p: (typeof projects)[number]; row: { projectId: string; light: string; reasons: string; inputs: string; dirty: number; computedAt: number }; reasons: LightReason[]; moves: boolean; relit: boolean }[] = [];
  for (const p of projects) {
    const inputs: LightInputs = {
      investmentGap: p.phase === 'completed' ? null : investmentOf(p, invested.get(p.id), today).gap,
      overdueCases: gauges.get(`p:${p.id}`)?.overdue ?? 0,
      majorHazards: signals[0] ? (signals[0].get(p.id) ?? 0) : null,
      approvalsOverLimit: signals[1] ? (signals[1].get(p.id) ?? 0) : null,
      highRiskDisputes: signals[2] ? (signals[2].get(p.id) ?? 0) : null,
    };
    const { light, reasons } = evaluateLight(rules, inputs);
    const row = { projectId: p.id, light, reasons: JSON.stringify(reasons), inputs: JSON.stringify(inputs), dirty: 0, computedAt: now };
    const prev = stored.get(p.id);
    const moves = rules.enabled && p.light !== light;
    const same = prev && prev.light === row.light && prev.reasons === row.reasons && prev.inputs === row.inputs && prev.dirty === 0;
    if (!same || moves) writes.push({ p, row, reasons, moves, relit: prev?.light !== light });
  }
  let changed = 0;
  // A few transactions for many projects (one commit each on SQLite, not one per project).
  for (let i = 0; i < writes.length; i += 100) {
    await inTransaction(ctx, async (trx) => {
      for (const { p, row, reasons, moves, relit } of writes.slice(i, i + 100)) {
        await trx.insertInto('boardProjectLights').values({ ...row, changedAt: now })
          .onConflict((oc) => oc.column('projectId').doUpdateSet({ ...row, ...(relit ? { changedAt: now } : {}) })).execute();
        if (!moves) continue;
        // Bookkeeping like the case lights: the version stays, so no one's edit of the project goes stale.
        const res = await trx.updateTable('projects').set({ light: row.light, updatedAt: now }).where('id', '=', p.id).where('light', '=', p.light).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) continue;
        changed++;
        await writeAudit(ctx, trx, { action: 'project.light-changed', entityType: 'project', entityId: p.id, changes: { light: [p.light, row.light], reasons: reasons.map((r: LightReason) => r.text) } });
      }
      await bumpVersions(trx, ['*', ...writes.slice(i, i + 100).map((w) => `d:${w.p.districtId}`)]);
    });
  }
  return { computed: projects.length, changed };
}

/** Projects whose inputs changed since (the case counters mark them): recomputed by the minute job. */
export async function refreshDirtyLights(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('boardProjectLights').select('projectId').where('dirty', '=', 1).execute();
  if (!rows.length) return { computed: 0, changed: 0 };
  return refreshProjectLights(ctx, rows.map((r) => r.projectId));
}
