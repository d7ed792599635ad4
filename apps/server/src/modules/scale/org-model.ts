import type { Db } from '../../kernel/db/connect.js';

/** The organisations, people and projects the cases are generated on, read back from the database in a fixed
 * order (so the demo district, seeded with the app's own ids, is used exactly like the generated ones). */
export type Person = { id: string; username: string; displayName: string; unitId: string | null };
export type OrgUnit = { id: string; code: string; name: string; kind: string; members: Person[] };
export type OrgProject = {
  idx: number; id: string; code: string; name: string; districtIdx: number; streetId: string | null;
  ownerUnitId: string | null; contractorUnitId: string | null;
  commissioner: Person | null; assistants: Person[]; contacts: Person[];
};
export type OrgDistrict = {
  idx: number; id: string; code: string; name: string;
  /** Departments by their short code (ZJJ, FGJ …). */
  departments: Map<string, OrgUnit>; streets: OrgUnit[]; leaders: Person[]; orgAdmins: Person[]; projects: OrgProject[];
};
export type Org = { districts: OrgDistrict[]; projects: OrgProject[]; cityDepartments: OrgUnit[]; units: Map<string, OrgUnit> };

export async function loadOrg(db: Db): Promise<Org> {
  const [units, users, roles, projects, assignments] = await Promise.all([
    db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'parentId', 'districtId']).orderBy('code').execute(),
    db.selectFrom('users').select(['id', 'username', 'displayName', 'unitId']).where('isActive', '=', 1).orderBy('username').execute(),
    db.selectFrom('userRoles').select(['userId', 'role']).execute(),
    db.selectFrom('projects').select(['id', 'code', 'name', 'districtId', 'streetId', 'ownerUnitId', 'contractorUnitId']).where('archivedAt', 'is', null).orderBy('code').execute(),
    db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.userId')
      .select(['assignments.projectId', 'assignments.role', 'users.id', 'users.username', 'users.displayName', 'users.unitId']).where('assignments.active', '=', 1).orderBy('users.username').execute(),
  ]);
  const rolesOf = new Map<string, Set<string>>();
  for (const r of roles) (rolesOf.get(r.userId) ?? rolesOf.set(r.userId, new Set()).get(r.userId)!).add(r.role);
  const byId = new Map<string, OrgUnit>();
  for (const u of units) byId.set(u.id, { id: u.id, code: u.code, name: u.name, kind: u.kind, members: [] });
  const handlerRoles = ['dept_handler', 'street_handler', 'enterprise'];
  for (const u of users) {
    if (!u.unitId) continue;
    if ([...(rolesOf.get(u.id) ?? [])].some((r) => handlerRoles.includes(r))) byId.get(u.unitId)?.members.push({ id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId });
  }
  const districts: OrgDistrict[] = units.filter((u) => u.kind === 'district').map((d, idx) => ({
    idx, id: d.id, code: d.code, name: d.name, departments: new Map(), streets: [], leaders: [], orgAdmins: [], projects: [],
  }));
  const districtById = new Map(districts.map((d) => [d.id, d]));
  for (const u of units) {
    const d = u.parentId ? districtById.get(u.parentId) : undefined;
    if (!d) continue;
    if (u.kind === 'department') d.departments.set(u.code.startsWith(`${d.code}-`) ? u.code.slice(d.code.length + 1) : u.code, byId.get(u.id)!);
    if (u.kind === 'street') d.streets.push(byId.get(u.id)!);
  }
  const unitRows = new Map(units.map((u) => [u.id, u]));
  for (const u of users) {
    const r = rolesOf.get(u.id);
    if (!r || !u.unitId) continue;
    const unit = unitRows.get(u.unitId);
    const d = districtById.get(unit?.kind === 'district' ? unit.id : unit?.districtId ?? unit?.parentId ?? '');
    if (!d) continue;
    if (r.has('leader')) d.leaders.push({ id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId });
    if (r.has('org_admin')) d.orgAdmins.push({ id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId });
  }
  const all: OrgProject[] = projects.map((p, idx) => ({
    idx, id: p.id, code: p.code, name: p.name, districtIdx: districtById.get(p.districtId)!.idx, streetId: p.streetId,
    ownerUnitId: p.ownerUnitId, contractorUnitId: p.contractorUnitId, commissioner: null, assistants: [],
    contacts: [...(p.ownerUnitId ? byId.get(p.ownerUnitId)!.members : []), ...(p.contractorUnitId ? byId.get(p.contractorUnitId)!.members : [])],
  }));
  const projectById = new Map(all.map((p) => [p.id, p]));
  for (const a of assignments) {
    const p = projectById.get(a.projectId);
    if (!p) continue;
    if (a.role === 'commissioner') p.commissioner = { id: a.id, username: a.username, displayName: a.displayName, unitId: a.unitId };
    if (a.role === 'assistant') p.assistants.push({ id: a.id, username: a.username, displayName: a.displayName, unitId: a.unitId });
  }
  for (const p of all) districts[p.districtIdx]!.projects.push(p);
  return { districts, projects: all, cityDepartments: [...byId.values()].filter((u) => u.kind === 'city_department'), units: byId };
}
