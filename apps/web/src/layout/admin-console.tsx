import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../../../platform/client/api.js';
import type { AdminTab } from '../../../../platform/client/module.js';
import { Page } from '../../../../platform/client/ui/page.js';
import { getMe } from '../../../../modules/accounts/shared/contract.js';
import { clientModules } from '../modules.js';
import { FullPageSpin } from './setup-gate.js';

/** Every module's admin tabs the member's roles open, in console order. */
export function adminTabsFor(roles: string[]): AdminTab[] {
  return clientModules
    .flatMap((m) => m.adminTabs ?? [])
    .filter((tab) => tab.roles.some((r) => roles.includes(r)))
    .sort((a, b) => a.order - b.order);
}

/** The admin console: one tab per module page the member's roles open; none → home. */
export function AdminConsole() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const me = useApiQuery(getMe);
  if (!me.data) return <FullPageSpin />;
  const tabs = adminTabsFor(me.data.user.roles);
  if (tabs.length === 0) return <Navigate to="/" replace />;
  const active = tabs.find((x) => x.key === tab) ?? tabs[0];
  return (
    <Page title={t('shell:admin.title')} testId="admin-page">
      <Tabs
        activeKey={active.key}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={tabs.map(({ key, labelKey, Component }) => ({
          key,
          label: <span data-testid={`admin-tab-${key}`}>{t(labelKey)}</span>,
          children: (
            <Suspense fallback={<FullPageSpin />}>
              <Component />
            </Suspense>
          ),
        }))}
      />
    </Page>
  );
}
