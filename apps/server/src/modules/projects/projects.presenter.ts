import type { Project } from '@liaison/contracts';
import type { ProjectTable } from '../../kernel/db/schema.js';
import { bool, toIso } from '../../kernel/db/tx.js';
import type { loadProjectRefs } from './projects.repository.js';

type Refs = Awaited<ReturnType<typeof loadProjectRefs>>;

export function presentProject(r: ProjectTable, refs: Refs): Project {
  const ref = (id: string | null) => (id ? (refs.units.get(id) ?? null) : null);
  return {
    id: r.id, code: r.code, name: r.name, category: r.category, address: r.address,
    street: ref(r.streetId), community: ref(r.communityId), lat: r.lat, lng: r.lng,
    owner: ref(r.ownerUnitId), contractor: ref(r.contractorUnitId), supervisor: ref(r.supervisorUnitId),
    totalInvestment: r.totalInvestment, annualPlannedInvestment: r.annualPlannedInvestment, investmentCompleted: r.investmentCompleted,
    plannedStart: r.plannedStart, plannedFinish: r.plannedFinish, phase: r.phase as Project['phase'], light: r.light as Project['light'],
    description: r.description, isDemo: bool(r.isDemo), commissioner: refs.commissioners.get(r.id) ?? null,
    archivedAt: toIso(r.archivedAt), createdAt: toIso(r.createdAt)!, updatedAt: toIso(r.updatedAt)!, version: r.version,
  };
}
