import { describe, expect, it } from 'vitest';
import { permissions, permissionsOf, rolePermissions, roles, separatedAdminRoles, totpRequiredRoles, type Permission } from './permissions.js';

const holders = (p: Permission) => roles.filter((r) => rolePermissions[r].includes(p));

describe('permissionsOf', () => {
  it('gives nothing to no role', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it("gives a role exactly its table row", () => {
    for (const r of roles) expect(permissionsOf([r])).toEqual([...rolePermissions[r]]);
    expect(permissionsOf(['auditor'])).toEqual(['audit.read']);
  });

  it('unites several roles without duplicates', () => {
    const both = permissionsOf(['leader', 'commissioner']);
    expect(new Set(both).size).toBe(both.length);
    expect([...both].sort()).toEqual([...new Set([...rolePermissions.leader, ...rolePermissions.commissioner])].sort());
    expect(permissionsOf(['security_admin', 'auditor'])).toEqual(['audit.read']);
  });
});

describe('the role → permission table', () => {
  it('has a row for every role, and every permission belongs to some role', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
    for (const p of permissions) expect([p, holders(p).length > 0]).toEqual([p, true]);
    for (const r of roles) for (const p of rolePermissions[r]) expect(permissions).toContain(p);
  });

  it('keeps the three admin roles apart (三员分立)', () => {
    expect(holders('user.manage')).toEqual(['system_admin']);
    expect(holders('unit.manage')).toEqual(['system_admin']);
    expect(holders('audit.read')).toEqual(['security_admin', 'auditor']);
    expect(rolePermissions.security_admin).toEqual(['audit.read']);
    expect(rolePermissions.auditor).toEqual(['audit.read']);
    expect(separatedAdminRoles).toEqual(['system_admin', 'security_admin', 'auditor']);
    expect(totpRequiredRoles).toEqual(expect.arrayContaining([...separatedAdminRoles]));
  });

  it('lets every working role read projects, and the audit roles none', () => {
    for (const r of ['leader', 'org_admin', 'commissioner', 'assistant', 'dept_handler', 'street_handler', 'enterprise'] as const) {
      expect([r, rolePermissions[r].includes('project.read')]).toEqual([r, true]);
    }
    expect(permissionsOf(['security_admin', 'auditor'])).not.toContain('project.read');
  });
});
