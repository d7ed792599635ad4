import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '@liaison/contracts';
import { useSession } from '../features/session/api';
import { ErrorState } from '../shared/ui/ErrorState';
import { ForbiddenResult } from '../shared/ui/results';

/** Signed in and past every sign-in step, or off to /login (remembering where the user was going). */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session.isError && session.data === undefined) {
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (!session.data || session.data.step !== 'ok') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

/** The page's permission, or the 403 page. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { data } = useSession();
  if (!data?.permissions.includes(permission)) return <ForbiddenResult />;
  return <>{children}</>;
}
