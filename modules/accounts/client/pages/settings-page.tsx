import { Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../../../platform/client/ui/page.js';
import { AppearanceSettings } from '../components/appearance-settings.js';
import { PasswordSettings } from '../components/password-settings.js';
import { ProfileSettings } from '../components/profile-settings.js';
import { SessionsSettings } from '../components/sessions-settings.js';
import { TokensSettings } from '../components/tokens-settings.js';
import { useMe } from '../use-me.js';

const TABS = ['profile', 'appearance', 'security', 'sessions', 'tokens'] as const;

/** Personal settings: profile and language, appearance (light or dark), password, signed-in devices, access tokens. */
export function SettingsPage() {
  const { t } = useTranslation('accounts');
  const { tab } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const active = TABS.find((x) => x === tab) ?? 'profile';
  if (!me.data) return <Skeleton active style={{ padding: 24 }} />;
  const user = me.data.user;
  const content = {
    profile: <ProfileSettings user={user} />,
    appearance: <AppearanceSettings userId={user.id} />,
    security: <PasswordSettings />,
    sessions: <SessionsSettings timezone={user.timezone} />,
    tokens: <TokensSettings timezone={user.timezone} roles={user.roles} />,
  };
  return (
    <Page title={t('settings.title')} testId="settings-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/settings/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`settings-tab-${key}`}>{t(`settings.tabs.${key}`)}</span>,
          children: content[key],
        }))}
      />
    </Page>
  );
}
