import type { CaseTable } from '../../kernel/db/schema.js';
import type { CaseSpec } from './case-lifecycle.js';
import type { Org, OrgDistrict, OrgProject, OrgUnit, Person } from './org-model.js';
import type { Rng } from './prng.js';
import { caseTexts } from './vocabulary.js';

/** What a new case is: its type, source, reporter and the units it will be dispatched to, in realistic shares. */
const TYPES = [['safety', 25], ['appeal', 25], ['approval', 12], ['dispute', 10], ['enterprise', 13], ['coordination', 15]] as const;
const SOURCES: Record<string, readonly (readonly [string, number])[]> = {
  safety: [['inspection', 50], ['site_log', 30], ['commissioner', 20]],
  appeal: [['public_portal', 50], ['hotline_12345', 40], ['commissioner', 10]],
  approval: [['commissioner', 60], ['enterprise', 40]],
  dispute: [['commissioner', 40], ['hotline_12345', 30], ['site_log', 30]],
  enterprise: [['enterprise', 80], ['commissioner', 20]],
  coordination: [['branch_meeting', 40], ['commissioner', 40], ['site_log', 20]],
};
/** Who handles what: department short codes, or the project's street / contractor, or a city department. */
const LEADS: Record<string, readonly (readonly [string, number])[]> = {
  safety: [['YJJ', 35], ['ZJJ', 35], ['contractor', 30]],
  appeal: [['street', 45], ['CGJ', 30], ['STJ', 10], ['ZJJ', 15]],
  approval: [['FGJ', 25], ['ZJJ', 25], ['GTJ', 25], ['city', 25]],
  dispute: [['street', 40], ['XFJ', 30], ['ZJJ', 30]],
  enterprise: [['SWJ', 40], ['CZJ', 30], ['FGJ', 30]],
  coordination: [['CGJ', 20], ['GTJ', 20], ['ZJJ', 20], ['city', 20], ['street', 20]],
};
const CO_UNITS = ['ZJJ', 'CGJ', 'FGJ', 'YJJ', 'GTJ'];

export class CaseSpecs {
  constructor(private readonly org: Org, private readonly rng: Rng) {}

  private unit(token: string, project: OrgProject, district: OrgDistrict): OrgUnit {
    const { rng, org } = this;
    let u: OrgUnit | undefined;
    if (token === 'street') u = project.streetId ? org.units.get(project.streetId) : rng.pick(district.streets);
    else if (token === 'contractor') u = project.contractorUnitId ? org.units.get(project.contractorUnitId) : undefined;
    else if (token === 'city') u = org.cityDepartments.length ? rng.pick(org.cityDepartments) : undefined;
    else u = district.departments.get(token);
    // A unit nobody works in (some city departments have no accounts) cannot sign: the district's 住建局 takes it.
    return u && u.members.length ? u : district.departments.get('ZJJ') ?? [...district.departments.values()].find((d) => d.members.length)!;
  }

  private reporter(source: string, project: OrgProject, district: OrgDistrict): Person | null {
    const { rng } = this;
    const commissioner = project.commissioner ?? district.orgAdmins[0] ?? null;
    switch (source) {
      case 'public_portal':
        return null;
      case 'hotline_12345': {
        const street = project.streetId ? this.org.units.get(project.streetId) : undefined;
        return street?.members.length && rng.chance(0.5) ? rng.pick(street.members) : null;
      }
      case 'enterprise':
        return project.contacts.length ? rng.pick(project.contacts) : commissioner;
      default:
        return project.assistants.length && rng.chance(0.25) ? rng.pick(project.assistants) : commissioner;
    }
  }

  /** A new case row (status submitted) and who will act on it. */
  build(id: string, number: string, t0: number, project: OrgProject, district: OrgDistrict): CaseSpec {
    const { rng } = this;
    const type = rng.weighted(TYPES);
    const priority = rng.chance(type === 'safety' ? 0.08 : 0.03) ? 'urgent' : 'normal';
    const source = rng.weighted(SOURCES[type]!);
    const reporter = this.reporter(source, project, district);
    const dispatcher = project.commissioner ?? district.orgAdmins[0]!;
    const leadA = this.unit(rng.weighted(LEADS[type]!), project, district);
    let leadB = this.unit(rng.weighted(LEADS[type]!), project, district);
    if (leadB.id === leadA.id) leadB = this.unit(rng.pick(CO_UNITS), project, district);
    const coCandidate = rng.chance(0.2) ? this.unit(rng.pick(CO_UNITS), project, district) : null;
    const texts = caseTexts(rng, type, project.name.replace(/^.{2}/, '').slice(0, 6));
    const row: CaseTable = {
      id, districtId: district.id, number, projectId: project.id, type, category: texts.category, title: texts.title, description: texts.description,
      source, priority, status: 'submitted', reporterId: reporter?.id ?? null, reporterUnitId: reporter?.unitId ?? null,
      dispatcherId: null, leadUnitId: null, assigneeId: null, clockState: 'idle', signLimitDays: null, signDeadline: null,
      limitDays: null, deadline: null, dueAt: null, pausedAt: null, light: 'green', overdue: 0, supervisionLevel: 0,
      escalatedFor: null, remindedFor: null, extDays: null, extReason: null, extRequestedAt: null, publicReply: null,
      answeredAt: null, rating: null, ratingComment: null, reopenCount: 0, mergedIntoId: null, sourceRefType: null, sourceRefId: null,
      acceptedAt: null, dispatchedAt: null, signedAt: null, closedAt: null, version: 1, createdAt: t0, updatedAt: t0,
    };
    return {
      row, reporter, dispatcher, leads: [leadA, leadB], co: coCandidate && coCandidate.id !== leadA.id ? coCandidate : null,
      leaders: district.leaders, listedBy: district.leaders.length && rng.chance(0.01) ? rng.pick(district.leaders) : null,
    };
  }
}
