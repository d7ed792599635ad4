import type { ReactNode } from 'react';
import {
  ApartmentOutlined, AuditOutlined, BellOutlined, BookOutlined, CalendarOutlined, ClockCircleOutlined, EnvironmentOutlined,
  FileTextOutlined, IdcardOutlined, ProfileOutlined, ProjectOutlined, TeamOutlined,
} from '@ant-design/icons';
import { ApiOutlined, InboxOutlined } from '@ant-design/icons';
import { DashboardOutlined, FlagOutlined, ReadOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, CommentOutlined, FileProtectOutlined, SafetyOutlined, ShopOutlined } from '@ant-design/icons';
import type { Permission } from '@liaison/contracts';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Shown when the user holds any of these. */
  anyOf: Permission[];
}

/** The side menu; an entry shows only with one of its permissions. */
export const navItems: NavItem[] = [
  { key: 'board', path: '/', labelKey: 'board.nav', icon: <DashboardOutlined />, anyOf: ['board.read'] },
  { key: 'projects', path: '/projects', labelKey: 'nav.projects', icon: <ProjectOutlined />, anyOf: ['project.read'] },
  { key: 'map', path: '/map', labelKey: 'nav.map', icon: <EnvironmentOutlined />, anyOf: ['project.read'] },
  { key: 'cases', path: '/cases', labelKey: 'nav.cases', icon: <ProfileOutlined />, anyOf: ['case.read'] },
  { key: 'appeals', path: '/appeals', labelKey: 'appeals.nav', icon: <InboxOutlined />, anyOf: ['appeal.triage'] },
  { key: 'site-logs', path: '/site-logs', labelKey: 'nav.siteLogs', icon: <FileTextOutlined />, anyOf: ['sitelog.read'] },
  { key: 'approvals', path: '/approvals', labelKey: 'approvals.nav', icon: <FileProtectOutlined />, anyOf: ['approval.read'] },
  { key: 'inspections', path: '/inspections', labelKey: 'safety.nav', icon: <SafetyOutlined />, anyOf: ['inspection.read'] },
  { key: 'safety-templates', path: '/safety/templates', labelKey: 'safety.navTemplates', icon: <CheckSquareOutlined />, anyOf: ['inspection.template.manage'] },
  { key: 'disputes', path: '/disputes', labelKey: 'mediation.nav', icon: <CommentOutlined />, anyOf: ['case.read'] },
  { key: 'enterprise-needs', path: '/enterprise-needs', labelKey: 'enterprise.nav', icon: <ShopOutlined />, anyOf: ['case.read'] },
  { key: 'branches', path: '/branches', labelKey: 'branches.nav', icon: <FlagOutlined />, anyOf: ['branch.read'] },
  { key: 'briefings', path: '/briefings', labelKey: 'board.briefing.nav', icon: <ReadOutlined />, anyOf: ['briefing.read'] },
  { key: 'commissioners', path: '/commissioners', labelKey: 'nav.roster', icon: <IdcardOutlined />, anyOf: ['assignment.read'] },
  { key: 'learning', path: '/learning-logs', labelKey: 'nav.learning', icon: <BookOutlined />, anyOf: ['learning.read'] },
  { key: 'notifications', path: '/notifications', labelKey: 'nav.notifications', icon: <BellOutlined />, anyOf: ['project.read', 'case.read'] },
  { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', icon: <CalendarOutlined />, anyOf: ['calendar.manage', 'case.read'] },
  { key: 'case-limits', path: '/case-limits', labelKey: 'nav.caseLimits', icon: <ClockCircleOutlined />, anyOf: ['case.limits.manage'] },
  { key: 'units', path: '/units', labelKey: 'nav.units', icon: <ApartmentOutlined />, anyOf: ['unit.manage'] },
  { key: 'users', path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, anyOf: ['user.manage'] },
  { key: 'open311-keys', path: '/open311-keys', labelKey: 'open311.nav', icon: <ApiOutlined />, anyOf: ['open311.manage'] },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, anyOf: ['audit.read'] },
];

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return navItems.filter((n) => n.anyOf.some((p) => permissions.includes(p)));
}

/** The first page a user may open: "/" lands there. */
export function homePath(permissions: readonly string[]): string {
  return visibleNav(permissions)[0]?.path ?? '/account/security';
}
