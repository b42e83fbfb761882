import { LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Dropdown, Layout, Menu, Tooltip, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import type { NavItem } from '../../../../platform/client/module.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { RealtimeProvider } from '../../../../platform/client/realtime.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { displayNameFor } from '../../../../platform/shared/person-name.js';
import { getMe, logout } from '../../../../modules/accounts/shared/contract.js';
import { clientModules } from '../modules.js';
import { FullPageSpin } from './setup-gate.js';

/** The navigation the member may see: items without roles, or with one the member holds. */
function visibleNav(roles: string[]): NavItem[] {
  return clientModules.flatMap((m) => m.nav).filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

function activeItem(items: NavItem[], pathname: string): NavItem | undefined {
  return items.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
}

/** Nests every module's Provider (contact card host …) around the layout, inside the one realtime connection. */
function withProviders(children: ReactNode): ReactNode {
  return (
    <RealtimeProvider>
      {clientModules.reduceRight<ReactNode>(
        (inner, m) => (m.Provider ? <m.Provider key={m.id}>{inner}</m.Provider> : inner),
        children,
      )}
    </RealtimeProvider>
  );
}

/** Sidebar on desktop; a top bar and a bottom tab bar on phones. */
export function AppLayout() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const locale = useLocale();
  const me = useApiQuery(getMe, undefined, { retry: false, staleTime: 60_000 });
  if (!me.data) return <FullPageSpin />;
  const { user, organization } = me.data;
  const myName = displayNameFor(user, locale);
  const items = visibleNav(user.roles);
  const active = activeItem(items, location.pathname);

  const signOut = async () => {
    try {
      await api(logout);
    } catch (err) {
      message.error(errorMessage(err));
      return;
    }
    qc.clear();
    navigate('/login', { replace: true });
  };

  const account = (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'name', label: <Typography.Text strong>{myName}</Typography.Text>, disabled: true },
          ...clientModules.flatMap((m) =>
            (m.accountMenu ?? []).map((item) => ({
              key: `${m.id}.${item.key}`,
              label: <item.Label userId={user.id} />,
              onClick: item.onClick,
            })),
          ),
          { type: 'divider' },
          { key: 'settings', icon: <SettingOutlined />, label: t('shell:menu.settings'), onClick: () => navigate('/settings') },
          {
            key: 'signout',
            icon: <LogoutOutlined />,
            label: <span data-testid="sign-out">{t('shell:menu.signOut')}</span>,
            onClick: () => void signOut(),
          },
        ],
      }}
    >
      <button type="button" className="skein-account" aria-label={t('shell:menu.account')} data-testid="account-menu">
        <PersonAvatar userId={user.id} name={myName} person={user} avatarUrl={user.avatarUrl} size={32} static />
        {isPhone ? null : <span className="skein-account-name">{myName}</span>}
      </button>
    </Dropdown>
  );

  const content = (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  );

  if (isPhone) {
    return withProviders(
      <Layout className="skein-shell skein-shell-phone">
        <header className="skein-topbar">
          <Tooltip title={organization.name} placement="bottomLeft">
            <span className="skein-topbar-title" data-testid="org-name">
              {organization.name}
            </span>
          </Tooltip>
          {account}
        </header>
        <Layout.Content className="skein-content">{content}</Layout.Content>
        <nav className="skein-bottom-nav" aria-label={organization.name}>
          {items.map((item) => (
            <button
              key={item.path}
              type="button"
              className={item === active ? 'skein-bottom-item active' : 'skein-bottom-item'}
              onClick={() => navigate(item.path)}
              data-testid={item.testId}
            >
              <span className="skein-bottom-icon">
                {item.icon}
                {item.Badge ? <item.Badge /> : null}
              </span>
              <span className="skein-bottom-label">{t(item.labelKey)}</span>
            </button>
          ))}
        </nav>
      </Layout>,
    );
  }

  return withProviders(
    <Layout className="skein-shell" hasSider>
      <Layout.Sider
        theme="light"
        width={220}
        breakpoint="lg"
        collapsedWidth={64}
        className="skein-sider"
        // antd's own styles win over a stylesheet; inline styles win over antd's.
        style={{ position: 'sticky', top: 0, height: '100vh' }}
      >
        <div className="skein-sider-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {/* Long names take two lines, then an ellipsis; the whole name is on hover. */}
          <Tooltip title={organization.name} placement="right">
            <span className="skein-sider-org" data-testid="org-name">
              {organization.name}
            </span>
          </Tooltip>
        </div>
        <Menu
          mode="inline"
          selectedKeys={active ? [active.path] : []}
          onClick={({ key }) => navigate(key)}
          items={items.map((item) => ({
            key: item.path,
            icon: item.icon,
            label: (
              <span className="skein-nav-label" data-testid={item.testId}>
                {t(item.labelKey)}
                {item.Badge ? <item.Badge /> : null}
              </span>
            ),
          }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="skein-header"
          style={{ background: 'var(--ant-color-bg-container)', padding: '0 24px', height: 56, lineHeight: '56px' }}
        >
          {account}
        </Layout.Header>
        <Layout.Content className="skein-content">{content}</Layout.Content>
      </Layout>
    </Layout>,
  );
}
