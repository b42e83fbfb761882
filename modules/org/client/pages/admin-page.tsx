import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Page } from '../../../../platform/client/ui/page.js';
import { AdminDepartments } from '../components/admin/admin-departments.js';
import { AdminInvites } from '../components/admin/admin-invites.js';
import { AdminMembers } from '../components/admin/admin-members.js';
import { AdminOrganization } from '../components/admin/admin-organization.js';
import { useHasRole, useMe } from '../use-me.js';

/** The admin console: members, departments and organization (admins only), invite links. */
export function AdminPage() {
  const { t } = useTranslation('org');
  const { tab } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const isAdmin = useHasRole('admin');
  const isHrAdmin = useHasRole('hr_admin');
  if (me.data && !isAdmin && !isHrAdmin) return <Navigate to="/" replace />;
  const tabs = isAdmin ? (['members', 'departments', 'invites', 'organization'] as const) : (['members', 'invites'] as const);
  const active = tabs.find((x) => x === tab) ?? 'members';
  const content = {
    members: <AdminMembers />,
    departments: <AdminDepartments />,
    invites: <AdminInvites />,
    organization: <AdminOrganization />,
  };
  return (
    <Page title={t('admin.title')} testId="admin-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/admin/${key}`)}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`admin-tab-${key}`}>{t(`admin.tabs.${key}`)}</span>,
          children: content[key],
        }))}
      />
    </Page>
  );
}
