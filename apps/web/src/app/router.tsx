import { lazy, type ComponentType } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '@liaison/contracts';
import { useCurrentSession } from '../features/session/api';
import { ForbiddenResult, NotFoundResult } from '../shared/ui/results';
import { RequirePermission, RequireSession } from './guards';
import { AppLayout } from './layout/AppLayout';
import { homePath } from './layout/nav';
import { RouteError } from './pages/RouteError';

type PageModule = { default: ComponentType };

/** A lazily loaded page, optionally behind a permission. */
function page(load: () => Promise<PageModule>, permission?: Permission): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { default: Page } = await load();
      return {
        Component: permission
          ? () => (
              <RequirePermission permission={permission}>
                <Page />
              </RequirePermission>
            )
          : Page,
      };
    },
  };
}

const BoardPage = lazy(() => import('../features/board/pages/BoardPage'));

function Home() {
  const session = useCurrentSession();
  // The board is the home page of everyone who may read it.
  if (session.permissions.includes('board.read')) return <BoardPage />;
  return <Navigate to={homePath(session.permissions)} replace />;
}

function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    ...page(() => import('../features/session/pages/LoginPage')),
    errorElement: <RouteError />,
    HydrateFallback: PageSpin,
  },
  {
    path: '/',
    HydrateFallback: PageSpin,
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      {
        path: 'projects',
        handle: { crumb: 'nav.projects' },
        children: [
          { index: true, ...page(() => import('../features/projects/pages/ProjectListPage'), 'project.read') },
          { path: 'new', handle: { crumb: 'projects.create' }, ...page(() => import('../features/projects/pages/ProjectFormPage'), 'project.manage') },
          { path: 'import', handle: { crumb: 'import.title' }, ...page(() => import('../features/projects/pages/ProjectImportPage'), 'project.manage') },
          {
            path: ':id',
            handle: { crumb: 'projects.detail' },
            children: [
              { index: true, ...page(() => import('../features/projects/pages/ProjectDetailPage'), 'project.read') },
              { path: 'edit', handle: { crumb: 'projects.edit' }, ...page(() => import('../features/projects/pages/ProjectFormPage'), 'project.manage') },
              { path: 'approvals', handle: { crumb: 'approvals.crumbChain' }, ...page(() => import('../features/approvals/pages/ProjectApprovalsPage'), 'approval.read') },
            ],
          },
        ],
      },
      { path: 'map', handle: { crumb: 'nav.map' }, ...page(() => import('../features/projects/pages/ProjectMapPage'), 'project.read') },
      {
        path: 'cases',
        handle: { crumb: 'nav.cases' },
        children: [
          { index: true, ...page(() => import('../features/cases/pages/CaseListPage'), 'case.read') },
          { path: 'new', handle: { crumb: 'cases.new' }, ...page(() => import('../features/cases/pages/CaseNewPage'), 'case.create') },
          { path: ':id', handle: { crumb: 'cases.detail' }, ...page(() => import('../features/cases/pages/CaseDetailPage'), 'case.read') },
        ],
      },
      {
        path: 'site-logs',
        handle: { crumb: 'nav.siteLogs' },
        children: [
          { index: true, ...page(() => import('../features/site-logs/pages/SiteLogsPage'), 'sitelog.read') },
          { path: 'new', handle: { crumb: 'siteLogs.new' }, ...page(() => import('../features/site-logs/pages/SiteLogNewPage'), 'sitelog.write') },
          { path: ':id', handle: { crumb: 'siteLogs.one' }, ...page(() => import('../features/site-logs/pages/SiteLogDetailPage'), 'sitelog.read') },
        ],
      },
      { path: 'commissioners', handle: { crumb: 'nav.roster' }, ...page(() => import('../features/people/pages/RosterPage'), 'assignment.read') },
      { path: 'learning-logs', handle: { crumb: 'nav.learning' }, ...page(() => import('../features/people/pages/LearningLogsPage'), 'learning.read') },
      { path: 'notifications', handle: { crumb: 'nav.notifications' }, ...page(() => import('../features/notifications/pages/NotificationsPage')) },
      { path: 'calendar', handle: { crumb: 'nav.calendar' }, ...page(() => import('../features/calendar/pages/CalendarPage')) },
      { path: 'case-limits', handle: { crumb: 'nav.caseLimits' }, ...page(() => import('../features/cases/pages/CaseLimitsPage')) },
      { path: 'appeals', handle: { crumb: 'appeals.nav' }, ...page(() => import('../features/appeals/pages/AppealQueuePage'), 'appeal.triage') },
      { path: 'open311-keys', handle: { crumb: 'open311.nav' }, ...page(() => import('../features/open311/pages/Open311KeysPage'), 'open311.manage') },
      {
        path: 'units',
        handle: { crumb: 'nav.units' },
        ...page(() => import('../features/units/pages/UnitListPage'), 'unit.manage'),
      },
      {
        path: 'users',
        handle: { crumb: 'nav.users' },
        ...page(() => import('../features/users/pages/UserListPage'), 'user.manage'),
      },
      {
        path: 'audit',
        handle: { crumb: 'nav.audit' },
        ...page(() => import('../features/audit/pages/AuditPage'), 'audit.read'),
      },
      {
        path: 'account',
        handle: { crumb: 'account.title' },
        children: [
          { index: true, element: <Navigate to="security" replace /> },
          {
            path: 'sessions',
            handle: { crumb: 'account.sessions' },
            ...page(() => import('../features/account/pages/SessionsPage')),
          },
          {
            path: 'tokens',
            handle: { crumb: 'account.tokens' },
            ...page(() => import('../features/account/pages/TokensPage'), 'token.manage'),
          },
          {
            path: 'security',
            handle: { crumb: 'account.security' },
            ...page(() => import('../features/account/pages/SecurityPage')),
          },
          {
            path: 'password',
            handle: { crumb: 'account.changePassword' },
            ...page(() => import('../features/account/pages/ChangePasswordPage')),
          },
        ],
      },
      { path: 'dashboard/units', handle: { crumb: 'board.unitRankingTitle' }, ...page(() => import('../features/board/pages/UnitRankingPage'), 'board.units') },
      { path: 'briefings', handle: { crumb: 'board.briefing.title' }, ...page(() => import('../features/board/pages/BriefingsPage'), 'briefing.read') },
      {
        path: 'branches',
        handle: { crumb: 'branches.nav' },
        children: [
          { index: true, ...page(() => import('../features/branches/pages/BranchListPage'), 'branch.read') },
          {
            path: ':id',
            handle: { crumb: 'branches.detail' },
            children: [
              { index: true, ...page(() => import('../features/branches/pages/BranchDetailPage'), 'branch.read') },
              { path: 'meetings/new', handle: { crumb: 'branches.schedule' }, ...page(() => import('../features/branches/pages/MeetingNewPage'), 'branch.read') },
            ],
          },
        ],
      },
      {
        path: 'meetings',
        handle: { crumb: 'branches.meetingsCrumb' },
        children: [
          { index: true, element: <Navigate to="/branches?tab=meetings" replace /> },
          { path: ':id', handle: { crumb: 'branches.meeting' }, ...page(() => import('../features/branches/pages/MeetingDetailPage'), 'branch.read') },
        ],
      },
      // The four promises (issue 5): approvals, safety, mediation, enterprise needs.
      {
        path: 'approvals',
        handle: { crumb: 'approvals.nav' },
        children: [
          { index: true, ...page(() => import('../features/approvals/pages/ApprovalsPage'), 'approval.read') },
          { path: 'report', handle: { crumb: 'approvals.tabReport' }, ...page(() => import('../features/approvals/pages/ApprovalReportPage'), 'approval.read') },
          { path: 'catalogue', handle: { crumb: 'approvals.tabCatalogue' }, ...page(() => import('../features/approvals/pages/ApprovalCataloguePage'), 'approval.read') },
        ],
      },
      {
        path: 'inspections',
        handle: { crumb: 'safety.nav' },
        children: [
          { index: true, ...page(() => import('../features/safety/pages/InspectionListPage'), 'inspection.read') },
          { path: 'new', handle: { crumb: 'safety.crumbNew' }, ...page(() => import('../features/safety/pages/InspectionNewPage'), 'inspection.run') },
          { path: ':id', handle: { crumb: 'safety.crumbInspection' }, ...page(() => import('../features/safety/pages/InspectionPage'), 'inspection.read') },
        ],
      },
      {
        path: 'safety',
        children: [
          { path: 'ledger', handle: { crumb: 'safety.navLedger' }, ...page(() => import('../features/safety/pages/SafetyLedgerPage'), 'inspection.read') },
          {
            path: 'templates',
            handle: { crumb: 'safety.navTemplates' },
            children: [
              { index: true, ...page(() => import('../features/safety/pages/TemplateListPage')) },
              { path: ':id', handle: { crumb: 'safety.crumbTemplate' }, ...page(() => import('../features/safety/pages/TemplateEditPage'), 'inspection.template.manage') },
            ],
          },
        ],
      },
      {
        path: 'disputes',
        handle: { crumb: 'mediation.nav' },
        children: [
          { index: true, ...page(() => import('../features/mediation/pages/DisputeListPage'), 'case.read') },
          { path: 'new', handle: { crumb: 'mediation.crumbNew' }, ...page(() => import('../features/mediation/pages/DisputeNewPage'), 'dispute.create') },
          { path: ':caseId', handle: { crumb: 'mediation.crumbDetail' }, ...page(() => import('../features/mediation/pages/DisputeDetailPage'), 'case.read') },
        ],
      },
      {
        path: 'enterprise-needs',
        handle: { crumb: 'enterprise.nav' },
        children: [
          { index: true, ...page(() => import('../features/enterprise/pages/NeedListPage'), 'case.read') },
          { path: 'new', handle: { crumb: 'enterprise.crumbNew' }, ...page(() => import('../features/enterprise/pages/NeedNewPage'), 'enterprise_need.create') },
          { path: 'report', handle: { crumb: 'enterprise.tabReport' }, ...page(() => import('../features/enterprise/pages/NeedReportPage'), 'case.read') },
          { path: ':caseId', handle: { crumb: 'enterprise.crumbDetail' }, ...page(() => import('../features/enterprise/pages/NeedDetailPage'), 'case.read') },
        ],
      },
      { path: 'forbidden', element: <ForbiddenResult /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
