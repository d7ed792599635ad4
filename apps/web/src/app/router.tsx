import type { ComponentType } from 'react';
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

function Home() {
  const session = useCurrentSession();
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
          {
            path: ':id',
            handle: { crumb: 'projects.detail' },
            ...page(() => import('../features/projects/pages/ProjectDetailPage'), 'project.read'),
          },
        ],
      },
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
      { path: 'forbidden', element: <ForbiddenResult /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
