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

export const permissions = [
  'project.read',
  'project.export',
  'user.manage',
  'unit.manage',
  'unit.read',
  'audit.read',
  'token.manage',
  'file.upload',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: ['user.manage', 'unit.manage', 'unit.read', 'project.read', 'token.manage', 'file.upload'],
  security_admin: ['audit.read'],
  auditor: ['audit.read'],
  leader: ['project.read', 'project.export', 'unit.read', 'token.manage', 'file.upload'],
  org_admin: ['project.read', 'project.export', 'unit.read', 'token.manage', 'file.upload'],
  commissioner: ['project.read', 'project.export', 'unit.read', 'token.manage', 'file.upload'],
  assistant: ['project.read', 'project.export', 'unit.read', 'file.upload'],
  dept_handler: ['project.read', 'project.export', 'unit.read', 'token.manage', 'file.upload'],
  street_handler: ['project.read', 'project.export', 'unit.read', 'token.manage', 'file.upload'],
  enterprise: ['project.read', 'unit.read', 'file.upload'],
};

export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  return [...new Set(userRoles.flatMap((r) => rolePermissions[r] ?? []))];
}
