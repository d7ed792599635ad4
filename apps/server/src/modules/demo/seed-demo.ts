import { readFileSync } from 'node:fs';
import { writeAudit } from '../../kernel/audit/audit.js';
import { hashPassword } from '../../kernel/auth/passwords.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { UnitTable, UserTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { newId } from '../../kernel/ids.js';
import { assistantUsername, commissionerUsername, DEMO_PASSWORD, enterpriseUsername } from './demo-accounts.js';
import type { DemoData } from './demo-data.js';
import { seedDemoApprovals } from '../approvals/approvals.seed.js';

export function loadDemoData(file: string): DemoData {
  return JSON.parse(readFileSync(file, 'utf8')) as DemoData;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['建华', '志强', '秀英', '海燕', '国平', '晓东', '丽娟', '俊杰', '文斌', '雪梅', '永康', '佳琪', '宏伟', '春花', '振宇', '敏', '磊', '静', '超', '婷'];
/** A stable made-up name for the n-th enterprise contact. */
const contactName = (n: number) => SURNAMES[(n * 7) % SURNAMES.length]! + GIVEN[(n * 3) % GIVEN.length]!;

export async function isSeeded(db: Tx): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'demo.seeded_at').executeTakeFirst();
  return !!row;
}

/** Loads the demo district in one transaction: units, people with their roles, projects and appointments. */
export async function seedDemo(ctx: Ctx, data: DemoData): Promise<{ units: number; users: number; projects: number }> {
  const now = ctx.now().getTime();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const units: UnitTable[] = [];
  const users: UserTable[] = [];
  const roles: { userId: string; role: string }[] = [];
  const unitByCode = new Map<string, UnitTable>();
  const enterpriseByName = new Map<string, UnitTable>();

  const addUnit = (code: string, name: string, kind: string, parentId: string | null, phone: string | null = null) => {
    const u: UnitTable = { id: newId(), code, name, kind, parentId, districtId: null, phone, isActive: 1, version: 1, createdAt: now, updatedAt: now };
    units.push(u);
    unitByCode.set(code, u);
    return u;
  };
  const district = addUnit(data.district.code, data.district.name, 'district', null);
  const inDistrict = (u: UnitTable) => (u.districtId = district.id);
  for (const d of data.departments) inDistrict(addUnit(d.code, d.name, 'department', district.id, d.phone));
  for (const d of data.cityDepartments) addUnit(d.code, d.name, 'city_department', null, d.phone);
  for (const s of data.streets) {
    const street = addUnit(s.code, s.name, 'street', district.id, s.phone);
    inDistrict(street);
    for (const c of s.communities) inDistrict(addUnit(c.code, c.name, 'community', street.id));
  }
  const enterprise = (name: string) => {
    let u = enterpriseByName.get(name);
    if (!u) {
      u = addUnit(`QY${String(enterpriseByName.size + 1).padStart(3, '0')}`, name, 'enterprise', null);
      inDistrict(u);
      enterpriseByName.set(name, u);
    }
    return u;
  };

  const addUser = (username: string, displayName: string, unitId: string | null, userRoles: string[], phone: string | null = null) => {
    const u: UserTable = {
      id: newId(), username, displayName, phone, email: null, unitId, passwordHash, passwordChangedAt: now,
      mustChangePassword: 0, isDemo: 1, isActive: 1, totpSecret: null, totpEnabled: 0, totpLastStep: null,
      lastSignInAt: null, version: 1, createdAt: now, updatedAt: now,
    };
    users.push(u);
    for (const role of userRoles) roles.push({ userId: u.id, role });
    return u;
  };
  const zzb = unitByCode.get('ZZB')!;
  addUser('admin', data.people.admin.name, district.id, ['system_admin']);
  addUser('secadmin', data.people.secadmin.name, district.id, ['security_admin']);
  addUser('auditor', data.people.auditor.name, district.id, ['auditor']);
  addUser('leader', data.people.leader.name, district.id, ['leader']);
  addUser('orgdept', data.people.orgdept.name, zzb.id, ['org_admin']);
  for (const d of [...data.departments, ...data.cityDepartments]) {
    if (!d.username || d.code === 'ZZB') continue;
    const p = data.people.departmentHandlers[d.code];
    addUser(d.username, p?.name ?? d.name, unitByCode.get(d.code)!.id, ['dept_handler'], p?.phone ?? null);
  }
  for (const s of data.streets) {
    const p = data.people.streetHandlers[s.code];
    addUser(s.pinyin, p?.name ?? s.name, unitByCode.get(s.code)!.id, ['street_handler'], p?.phone ?? null);
  }

  const projects = data.projects.map((p, i) => {
    const owner = enterprise(p.owner);
    const contractor = enterprise(p.contractor);
    const supervisor = enterprise(p.supervisor);
    const commissioner = addUser(commissionerUsername(i), p.commissioner.name, zzb.id, ['commissioner'], p.commissioner.phone);
    addUser(enterpriseUsername('owner', i), contactName(3 * i), owner.id, ['enterprise']);
    addUser(enterpriseUsername('contractor', i), contactName(3 * i + 1), contractor.id, ['enterprise']);
    addUser(enterpriseUsername('supervisor', i), contactName(3 * i + 2), supervisor.id, ['enterprise']);
    return {
      row: {
        id: newId(), districtId: district.id, code: p.code, name: p.name, category: p.category, address: p.address,
        streetId: unitByCode.get(p.street)?.id ?? null, communityId: unitByCode.get(p.community)?.id ?? null,
        lat: p.lat, lng: p.lng, ownerUnitId: owner.id, contractorUnitId: contractor.id, supervisorUnitId: supervisor.id,
        totalInvestment: p.totalInvestment, annualPlannedInvestment: p.annualPlannedInvestment, investmentCompleted: p.investmentCompleted,
        plannedStart: p.plannedStart, plannedFinish: p.plannedFinish, phase: p.phase, light: p.light, description: p.description,
        constructionHours: p.constructionHours, impactNotice: null, isDemo: p.isDemo ? 1 : 0, archivedAt: null,
        version: 1, createdAt: now, updatedAt: now,
      },
      commissioner,
    };
  });
  const ts = unitByCode.get('TS')!;
  const assistants = data.assistants.map((a, i) => ({ user: addUser(assistantUsername(i), a.name, ts.id, ['assistant'], a.phone), a }));

  const startDate = '2026-05-01';
  const assignments = [
    ...projects.map((p) => ({ id: newId(), projectId: p.row.id, userId: p.commissioner.id, role: 'commissioner', mentorUserId: null, startDate, endDate: null, active: 1, createdAt: now })),
    ...assistants.map(({ user, a }) => {
      const p = projects[a.mentorProjectIndex]!;
      return { id: newId(), projectId: p.row.id, userId: user.id, role: 'assistant', mentorUserId: p.commissioner.id, startDate, endDate: null, active: 1, createdAt: now };
    }),
  ];

  // Temporary branches on the four projects the article names and a few more: the commissioner as secretary,
  // the street as deputy, the three enterprises, and a community representative from outside Liaison.
  const byUsername = new Map(users.map((u) => [u.username, u]));
  const branchRows: { id: string; projectId: string; name: string; foundedOn: string; approvalDocNo: string; status: string; closedOn: null; version: number; createdAt: number; updatedAt: number }[] = [];
  const memberRows: { id: string; branchId: string; userId: string | null; name: string; unitName: string; side: string; role: string; isPartyMember: number; joinedOn: string; leftOn: null }[] = [];
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '';
  data.projects.forEach((p, i) => {
    if (i >= 4 && i % 4 !== 0) return;
    const row = projects[i]!.row;
    const branchId = newId();
    const foundedOn = '2026-06-01';
    branchRows.push({ id: branchId, projectId: row.id, name: `${p.name}临时党支部`, foundedOn, approvalDocNo: `下组〔2026〕${31 + i}号`, status: 'active', closedOn: null, version: 1, createdAt: now, updatedAt: now });
    const streetCode = data.streets.find((s) => s.code === p.street)!;
    const member = (username: string | null, name: string, unit: string, side: string, role: string, party = true) =>
      memberRows.push({ id: newId(), branchId, userId: username ? byUsername.get(username)!.id : null, name, unitName: unit, side, role, isPartyMember: party ? 1 : 0, joinedOn: foundedOn, leftOn: null });
    member(commissionerUsername(i), p.commissioner.name, '区委组织部', 'commissioner', 'secretary');
    member(streetCode.pinyin, data.people.streetHandlers[streetCode.code]?.name ?? streetCode.name, streetCode.name, 'street', 'deputy');
    member(enterpriseUsername('owner', i), byUsername.get(enterpriseUsername('owner', i))!.displayName, p.owner, 'owner', 'committee');
    member(enterpriseUsername('contractor', i), byUsername.get(enterpriseUsername('contractor', i))!.displayName, p.contractor, 'contractor', 'member');
    member(enterpriseUsername('supervisor', i), byUsername.get(enterpriseUsername('supervisor', i))!.displayName, p.supervisor, 'supervisor', 'member', i % 2 === 0);
    member(null, contactName(100 + i), unitName(row.communityId) || `${streetCode.name}社区`, 'community', 'member');
  });

  await inTransaction(ctx, async (trx) => {
    for (const chunk of chunks(units, 100)) await trx.insertInto('units').values(chunk).execute();
    for (const chunk of chunks(users, 100)) await trx.insertInto('users').values(chunk).execute();
    for (const chunk of chunks(roles, 200)) await trx.insertInto('userRoles').values(chunk).execute();
    for (const chunk of chunks(projects.map((p) => p.row), 50)) await trx.insertInto('projects').values(chunk).execute();
    for (const chunk of chunks(assignments, 100)) await trx.insertInto('assignments').values(chunk).execute();
    if (branchRows.length) await trx.insertInto('branches').values(branchRows).execute();
    for (const chunk of chunks(memberRows, 100)) await trx.insertInto('branchMembers').values(chunk).execute();
    await seedDemoApprovals(trx, ctx.now());
    await trx.insertInto('settings').values({ key: 'demo.seeded_at', value: new Date(now).toISOString(), updatedAt: now }).execute();
    await writeAudit(ctx, trx, { action: 'demo.seeded', entityType: 'district', entityId: district.id, changes: { units: units.length, users: users.length, projects: projects.length } });
  });
  return { units: units.length, users: users.length, projects: projects.length };
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
