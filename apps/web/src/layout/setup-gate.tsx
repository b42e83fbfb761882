import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useApiQuery } from '../../../../platform/client/api.js';
import { getSetupStatus } from '../../../../modules/accounts/shared/contract.js';
import { ErrorScreen } from './error-screen.js';

/** Until the first administrator has set Skein up, every page leads to /setup (and /setup nowhere after). */
export function SetupGate() {
  const location = useLocation();
  const status = useApiQuery(getSetupStatus, undefined, { staleTime: Number.POSITIVE_INFINITY });
  if (status.isPending) return <FullPageSpin />;
  if (status.error) return <ErrorScreen error={status.error} onRetry={() => status.refetch()} />;
  const onSetup = location.pathname === '/setup';
  if (status.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
