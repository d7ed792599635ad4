/** Roles as DOMAIN.md names them, and what each may do. Data scope (which records) lives in each module's policy. */
export const roles = [
  'system_admin',
  'security_admin',
  'auditor',
  'leader',
  'org_admin',
  'commissioner',
  'assistant',
  'dept_handler',
  'street_handler',
  'enterprise',
] as const;
export type Role = (typeof roles)[number];

/** 三员分立: no account may hold two of these. */
export const separatedAdminRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];
/** These roles must sign in with a second factor. */
export const totpRequiredRoles: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

const ALL_STAFF: readonly Role[] = ['system_admin', 'leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler', 'enterprise'];
const DISTRICT_READERS: readonly Role[] = ['leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler'];

/** Permission → the roles that hold it. One line per permission, so each module adds its own lines. */
const grants = {
  'project.read': ALL_STAFF,
  'project.export': DISTRICT_READERS,
  'project.manage': ['org_admin'],
  'project.report': ['commissioner', 'assistant', 'enterprise'],
  'project.confirm-report': ['commissioner', 'org_admin'],
  'milestone.manage': ['org_admin', 'commissioner'],
  'assignment.read': ['leader', 'org_admin', 'commissioner', 'assistant'],
  'assignment.manage': ['org_admin'],
  'sitelog.read': ['leader', 'org_admin', 'commissioner', 'assistant'],
  'sitelog.write': ['commissioner', 'assistant'],
  'learning.read': ['leader', 'org_admin', 'commissioner', 'assistant'],
  'learning.write': ['assistant'],
  'learning.mentor': ['commissioner'],
  'user.manage': ['system_admin'],
  'unit.manage': ['system_admin'],
  'unit.read': ALL_STAFF,
  'audit.read': ['security_admin', 'auditor'],
  'token.manage': ['system_admin', 'leader', 'org_admin', 'commissioner', 'dept_handler', 'street_handler'],
  'file.upload': ALL_STAFF,
  'branch.read': ALL_STAFF,
  'branch.manage': ['org_admin'],
  'meeting.manage': ['org_admin', 'commissioner'],
  'case.read': ['leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler', 'enterprise'],
  'case.create': ['org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler', 'enterprise'],
  'case.export': DISTRICT_READERS,
  'case.limits.manage': ['org_admin', 'system_admin'],
  'calendar.manage': ['system_admin'],
  'appeal.triage': ['org_admin'],
  'open311.manage': ['system_admin'],
  'approval.read': ALL_STAFF,
  'approval.catalogue': ['system_admin', 'org_admin'],
  'approval.manage': ['org_admin', 'commissioner', 'assistant'],
  'approval.handle': ['org_admin', 'commissioner', 'assistant', 'dept_handler'],
  'enterprise_need.create': ['org_admin', 'commissioner', 'assistant', 'enterprise'],
  'enterprise_need.record': ['org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler'],
  'inspection.read': ['leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler', 'enterprise'],
  'inspection.run': ['org_admin', 'commissioner', 'assistant'],
  'inspection.template.manage': ['system_admin'],
  'dispute.create': ['org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler'],
  'mediation.record': ['org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler'],
  'board.read': ['leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler'],
  'board.commissioners': ['leader', 'org_admin', 'commissioner', 'assistant'],
  'board.units': ['leader', 'org_admin', 'dept_handler', 'street_handler'],
  'board.light-rules.manage': ['org_admin'],
  'briefing.read': ['leader', 'org_admin'],
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissions = Object.keys(grants) as [Permission, ...Permission[]];

export const rolePermissions: Record<Role, readonly Permission[]> = Object.fromEntries(
  roles.map((role) => [role, permissions.filter((p) => (grants[p] as readonly Role[]).includes(role))]),
) as unknown as Record<Role, readonly Permission[]>;

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  return [...new Set(userRoles.flatMap((r) => rolePermissions[r] ?? []))];
}
