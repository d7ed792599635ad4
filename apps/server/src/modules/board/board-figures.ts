import type { Figure, LightRuleName } from '@liaison/contracts';
import type { Ctx } from '../../kernel/context.js';

/**
 * Figures the board shows but other modules own (safety, approvals, mediation). A module registers a provider when
 * it loads (in its routes plugin, as the case engine registers its jobs); until one does, the figure is null ("not
 * reported yet") and the light rule that needs it is not applied. A provider that fails is logged and reads as null,
 * so a broken module never takes the board down.
 *
 *   registerBoardFigure('stopWorkSites', async (ctx, scope) => ({ n, drill: '/inspections?stopWork=true' }));
 *   registerProjectSignal('majorHazards', async (ctx, projectIds) => new Map([[projectId, count], …]));
 *
 * After a change that moves a signal, a module may call `refreshProjectLights(ctx, projectIds)` (light-rules.service)
 * to recompute those lights at once; otherwise the lights job picks it up within ten minutes.
 */
export const boardFigureNames = ['openHazards', 'stopWorkSites', 'approvalsStuck', 'highRiskDisputes'] as const;
export type BoardFigureName = (typeof boardFigureNames)[number];
/** The projects a figure covers: `projectIds` null means every project of `districtIds`; `unitId` a handling unit's share. */
export type FigureScope = { districtIds: string[]; projectIds: string[] | null; unitId: string | null };
export type BoardFigureProvider = (ctx: Ctx, scope: FigureScope) => Promise<Figure | null>;
/** Per-project counts for the composite light (absent: 0). One call for many projects. */
export type ProjectSignalProvider = (ctx: Ctx, projectIds: string[]) => Promise<Map<string, number>>;
export type ProjectSignalName = Exclude<LightRuleName, 'investmentGap' | 'overdueCases'>;

const figures = new Map<BoardFigureName, BoardFigureProvider>();
const signals = new Map<ProjectSignalName, ProjectSignalProvider>();

export function registerBoardFigure(name: BoardFigureName, provider: BoardFigureProvider): void {
  figures.set(name, provider);
}
export function registerProjectSignal(name: ProjectSignalName, provider: ProjectSignalProvider): void {
  signals.set(name, provider);
}
/** For tests: forget a provider. */
export function unregisterBoardProvider(name: BoardFigureName | ProjectSignalName): void {
  figures.delete(name as BoardFigureName);
  signals.delete(name as ProjectSignalName);
}

export const hasBoardFigure = (name: BoardFigureName) => figures.has(name);
export const hasProjectSignal = (name: ProjectSignalName) => signals.has(name);

export async function boardFigure(ctx: Ctx, name: BoardFigureName, scope: FigureScope): Promise<Figure | null> {
  const provider = figures.get(name);
  if (!provider) return null;
  try {
    return await provider(ctx, scope);
  } catch (err) {
    ctx.log.warn({ err, figure: name }, 'board figure provider failed');
    return null;
  }
}

/** The signal per project, or null when no module reports it (or its provider failed). */
export async function projectSignal(ctx: Ctx, name: ProjectSignalName, projectIds: string[]): Promise<Map<string, number> | null> {
  const provider = signals.get(name);
  if (!provider) return null;
  if (!projectIds.length) return new Map();
  try {
    return await provider(ctx, projectIds);
  } catch (err) {
    ctx.log.warn({ err, signal: name }, 'project signal provider failed');
    return null;
  }
}
