import type { ReactNode } from 'react';
import { useApiQuery } from '../../../platform/client/api.js';
import { useActivityReporter } from '../../../platform/client/presence/activity-reporter.js';
import { StatusDialog } from '../../../platform/client/presence/status-menu.js';
import { getMe } from '../../accounts/shared/contract.js';

/** Reports this client's activity (online/away) and hosts the status dialog, for the whole signed-in app. */
export function PresenceProvider({ children }: { children: ReactNode }) {
  useActivityReporter();
  const me = useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 }).data?.user.id;
  return (
    <>
      {children}
      {me ? <StatusDialog me={me} /> : null}
    </>
  );
}
