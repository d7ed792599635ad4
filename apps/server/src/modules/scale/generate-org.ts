import type { ProjectTable, UnitTable, UserTable } from '../../kernel/db/schema.js';
import type { BulkLoader } from './bulk-loader.js';
import { Rng, uuidv7At } from './prng.js';
import type { ScalePlan } from './scale-plan.js';
import { communityName, companyName, DEPARTMENTS, DISTRICTS, PROJECT_CATEGORIES, personName, projectName, streetName } from './vocabulary.js';

/**
 * The organisations and people of the generated districts (the demo district is seeded by the demo module first):
 * per district its departments, streets and communities, the enterprises of its projects, and the people — a leader,
 * the organisation department, handlers in every department and street, a commissioner per project, young cadres,
 * enterprise contacts. Usernames are `<district code>.<role><n>`, e.g. `sc.zjj1`, `sc.zy001`; all share the demo
 * password.
 */
const STREETS_PER_DISTRICT = 8;
const COMMUNITIES_PER_STREET = 4;
const HANDLERS_PER_DEPARTMENT = 3;

type Out = { units: UnitTable[]; users: UserTable[]; roles: { userId: string; role: string }[]; projects: ProjectTable[]; assignments: Record<string, unknown>[] };

export function districtCodes(plan: ScalePlan): { code: string; name: string; lat: number; lng: number }[] {
  const out = [];
  for (let i = 0; i < plan.districts - 1; i++) {
    const base = DISTRICTS[i % DISTRICTS.length]!;
    const round = Math.floor(i / DISTRICTS.length);
    out.push(round === 0 ? base : { ...base, code: `${base.code}${round + 1}`, name: `${base.name.slice(0, -1)}${round + 1}${base.name.slice(-1)}` });
  }
  return out;
}

/** Rows for every generated district, written through the loader. */
export async function generateOrg(loader: BulkLoader, plan: ScalePlan, seed: number, now: number, passwordHash: string): Promise<{ users: number; projects: number; units: number }> {
  const rng = new Rng(seed, 1);
  const ids = new Rng(seed, 2);
  const out: Out = { units: [], users: [], roles: [], projects: [], assignments: [] };
  const districts = districtCodes(plan);
  const demoProjects = 26;
  const perDistrict = districts.length ? (plan.projects - demoProjects) / districts.length : 0;
  let made = 0;
  districts.forEach((d, i) => {
    const target = Math.round(perDistrict * (i + 1)) - made;
    made += target;
    districtRows(out, rng, ids, d, target, now, passwordHash);
  });
  const units = loader.writer('units', 11, 200);
  const users = loader.writer('users', 18, 200);
  const roles = loader.writer('userRoles', 2, 500);
  const projects = loader.writer('projects', 28, 200);
  const assignments = loader.writer('assignments', 9, 500);
  // Parents point at parents: write units in order (a district before its departments) and flush as we go.
  for (const u of out.units) units.add(u);
  await units.flush(true);
  for (const u of out.users) users.add(u);
  await users.flush(true);
  for (const r of out.roles) roles.add(r);
  for (const p of out.projects) projects.add(p);
  await roles.flush(true);
  await projects.flush(true);
  for (const a of out.assignments) assignments.add(a);
  await assignments.flush(true);
  await loader.drain();
  return { users: out.users.length, projects: out.projects.length, units: out.units.length };
}

function districtRows(out: Out, rng: Rng, ids: Rng, d: { code: string; name: string; lat: number; lng: number }, projectCount: number, now: number, passwordHash: string) {
  const lc = d.code.toLowerCase();
  const unit = (code: string, name: string, kind: string, parentId: string | null, districtId: string | null): UnitTable => {
    const u: UnitTable = { id: uuidv7At(now, ids), code, name, kind, parentId, districtId, phone: `0571-8${rng.range(1000000, 9999999)}`, isActive: 1, version: 1, createdAt: now, updatedAt: now };
    out.units.push(u);
    return u;
  };
  const user = (username: string, unitId: string, roles: string[]): UserTable => {
    const u: UserTable = {
      id: uuidv7At(now, ids), username, displayName: personName(rng), phone: `139${String(rng.range(0, 99_999_999)).padStart(8, '0')}`, email: null, unitId,
      passwordHash, passwordChangedAt: now, mustChangePassword: 0, isDemo: 1, isActive: 1, totpSecret: null, totpEnabled: 0, totpLastStep: null,
      lastSignInAt: null, version: 1, createdAt: now, updatedAt: now,
    };
    out.users.push(u);
    for (const role of roles) out.roles.push({ userId: u.id, role });
    return u;
  };
  const district = unit(d.code, d.name, 'district', null, null);
  const depts = new Map<string, UnitTable>();
  for (const dep of DEPARTMENTS) depts.set(dep.code, unit(`${d.code}-${dep.code}`, `${d.name}${dep.name}`, 'department', district.id, district.id));
  const streets: UnitTable[] = [];
  const communities = new Map<string, UnitTable[]>();
  for (let s = 0; s < STREETS_PER_DISTRICT; s++) {
    const street = unit(`${d.code}-S${s + 1}`, `${d.name}${streetName(s + rng.int(3))}`, 'street', district.id, district.id);
    streets.push(street);
    communities.set(street.id, Array.from({ length: COMMUNITIES_PER_STREET }, (_, c) => unit(`${d.code}-S${s + 1}-C${c + 1}`, communityName(rng), 'community', street.id, district.id)));
  }
  user(`${lc}.leader`, district.id, ['leader']);
  user(`${lc}.leader2`, district.id, ['leader']);
  const zzb = depts.get('ZZB')!;
  user(`${lc}.orgdept`, zzb.id, ['org_admin']);
  user(`${lc}.orgdept2`, zzb.id, ['org_admin']);
  for (const dep of DEPARTMENTS) {
    if (dep.code === 'ZZB') continue;
    for (let n = 1; n <= HANDLERS_PER_DEPARTMENT; n++) user(`${lc}.${dep.code.toLowerCase()}${n}`, depts.get(dep.code)!.id, ['dept_handler']);
  }
  streets.forEach((s, si) => {
    user(`${lc}.s${si + 1}a`, s.id, ['street_handler']);
    user(`${lc}.s${si + 1}b`, s.id, ['street_handler']);
    communities.get(s.id)!.forEach((c, ci) => user(`${lc}.s${si + 1}c${ci + 1}`, c.id, ['street_handler']));
  });
  // Enterprises: owners and contractors often work on several of a district's projects.
  const enterprises = { owner: [] as UnitTable[], contractor: [] as UnitTable[], supervisor: [] as UnitTable[] };
  let enterpriseCount = 0;
  const enterprise = (side: keyof typeof enterprises, reuse: number) => {
    const pool = enterprises[side];
    if (pool.length && rng.chance(reuse)) return rng.pick(pool);
    const n = ++enterpriseCount;
    const u = unit(`${d.code}-QY${String(n).padStart(4, '0')}`, companyName(rng, side, pool.length), 'enterprise', null, district.id);
    pool.push(u);
    user(`${lc}.qy${n}a`, u.id, ['enterprise']);
    user(`${lc}.qy${n}b`, u.id, ['enterprise']);
    return u;
  };
  const zyIds: string[] = [];
  for (let p = 0; p < projectCount; p++) {
    const street = rng.pick(streets);
    const community = rng.pick(communities.get(street.id)!);
    const phase = rng.weighted([['preparation', 15], ['construction', 70], ['completed', 15]] as const);
    const total = Math.round(rng.between(2e8, 5e9) / 1e6) * 1e6;
    const startYear = 2022 + rng.int(4);
    const proj: ProjectTable = {
      id: uuidv7At(now, ids), districtId: district.id, code: `${d.code}-ZD-${startYear}-${String(p + 1).padStart(3, '0')}`, name: `${d.name.slice(0, 2)}${projectName(rng)}`,
      category: rng.pick(PROJECT_CATEGORIES), address: `${street.name.replace(/街道$/, '')}路${rng.range(1, 999)}号`, streetId: street.id, communityId: community.id,
      lat: +(d.lat + rng.between(-0.06, 0.06)).toFixed(5), lng: +(d.lng + rng.between(-0.06, 0.06)).toFixed(5),
      ownerUnitId: enterprise('owner', 0.35).id, contractorUnitId: enterprise('contractor', 0.5).id, supervisorUnitId: enterprise('supervisor', 0.7).id,
      totalInvestment: total, annualPlannedInvestment: Math.round(total * rng.between(0.1, 0.3)),
      investmentCompleted: Math.round(total * (phase === 'completed' ? 1 : phase === 'preparation' ? rng.between(0, 0.05) : rng.between(0.1, 0.9))),
      plannedStart: `${startYear}-${String(rng.range(1, 12)).padStart(2, '0')}-01`, plannedFinish: `${startYear + rng.range(2, 4)}-${String(rng.range(1, 12)).padStart(2, '0')}-28`,
      phase, light: rng.weighted([['green', 70], ['yellow', 20], ['red', 10]] as const), description: `${d.name}重点建设项目，由项目专员驻点服务。`,
      constructionHours: '07:00-12:00, 13:00-22:00', impactNotice: null, isDemo: 0, archivedAt: null, version: 1, createdAt: now, updatedAt: now,
    };
    out.projects.push(proj);
    const zy = user(`${lc}.zy${String(p + 1).padStart(3, '0')}`, zzb.id, ['commissioner']);
    zyIds.push(zy.id);
    out.assignments.push({ id: uuidv7At(now, ids), projectId: proj.id, userId: zy.id, role: 'commissioner', mentorUserId: null, startDate: '2025-01-01', endDate: null, active: 1, createdAt: now });
    if (rng.chance(0.4)) {
      const gb = user(`${lc}.gb${String(p + 1).padStart(3, '0')}`, street.id, ['assistant']);
      out.assignments.push({ id: uuidv7At(now, ids), projectId: proj.id, userId: gb.id, role: 'assistant', mentorUserId: zy.id, startDate: '2025-03-01', endDate: null, active: 1, createdAt: now });
    }
  }
}
