import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isSignedOut, useApiQuery } from '../../../../platform/client/api.js';
import { switchLanguage } from '../../../../platform/client/i18n.js';
import { useApplyProfileTimeZone } from '../../../../platform/client/time-zone.js';
import { getMe } from '../../../../modules/accounts/shared/contract.js';
import { ErrorScreen } from './error-screen.js';
import { FullPageSpin } from './setup-gate.js';

/**
 * The signed-in part of the app: loads the member first (sending the visitor to sign in when
 * there is no session) and shows the UI in the member's own language and time zone from then on.
 */
export function AuthGate() {
  const location = useLocation();
  const me = useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 });
  const profileLocale = me.data?.user.locale;
  useEffect(() => {
    if (profileLocale) void switchLanguage(profileLocale);
  }, [profileLocale]);
  // Every time shown follows the profile's zone, as Settings promises, not the browser's.
  useApplyProfileTimeZone(me.data?.user.timezone);

  if (me.isPending) return <FullPageSpin />;
  if (me.error) {
    if (isSignedOut(me.error)) {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return <ErrorScreen error={me.error} onRetry={() => me.refetch()} />;
  }
  return <Outlet />;
}
