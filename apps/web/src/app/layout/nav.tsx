import type { ReactNode } from 'react';
import { AuditOutlined, ApartmentOutlined, ProjectOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@liaison/contracts';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission: Permission;
}

/** The side menu; an entry shows only with its permission. */
export const navItems: NavItem[] = [
  { key: 'projects', path: '/projects', labelKey: 'nav.projects', icon: <ProjectOutlined />, permission: 'project.read' },
  { key: 'units', path: '/units', labelKey: 'nav.units', icon: <ApartmentOutlined />, permission: 'unit.manage' },
  { key: 'users', path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.manage' },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return navItems.filter((n) => permissions.includes(n.permission));
}

/** The first page a user may open: "/" lands there. */
export function homePath(permissions: readonly string[]): string {
  return visibleNav(permissions)[0]?.path ?? '/account/security';
}
