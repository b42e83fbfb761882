import { DownOutlined, EditOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation } from '../../../../../platform/client/api.js';
import { useLocale } from '../../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../../platform/client/person-card.js';
import { useIsPhone } from '../../../../../platform/client/ui/responsive.js';
import { RowList } from '../../../../../platform/client/ui/row-list.js';
import { useDebounced } from '../../../../../platform/client/use-debounced.js';
import { displayNameFor } from '../../../../../platform/shared/person-name.js';
import { setMemberActive } from '../../../../accounts/shared/contract.js';
import { getContactCard, listDepartments, searchMembers } from '../../../shared/contract.js';
import type { MemberView } from '../../../shared/types.js';
import { useDepartments } from '../../departments.js';
import { useMemberSearch } from '../../member-search.js';
import { useHasRole } from '../../use-me.js';
import { MemberEditDrawer } from './member-edit-drawer.js';
import { MemberRolesModal } from './member-roles-modal.js';

type Status = 'active' | 'deactivated' | 'all';

/** Members as admins see them: search, status filter, edit, roles, deactivate/reactivate. */
export function AdminMembers() {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const isPhone = useIsPhone();
  const isAdmin = useHasRole('admin');
  const { message, modal } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const [editing, setEditing] = useState<MemberView | null>(null);
  const [rolesOf, setRolesOf] = useState<MemberView | null>(null);
  const departments = useDepartments();
  const search = useMemberSearch({ q: useDebounced(q, 200), status });
  const setActive = useApiMutation(setMemberActive, { invalidates: [searchMembers, getContactCard, listDepartments] });

  const toggleActive = (m: MemberView) => {
    const deactivate = m.status === 'active';
    const name = displayNameFor(m, locale);
    modal.confirm({
      title: t(deactivate ? 'admin.members.deactivateConfirm' : 'admin.members.reactivateConfirm', { name }),
      okButtonProps: { danger: deactivate },
      okText: t(deactivate ? 'admin.members.deactivate' : 'admin.members.reactivate'),
      cancelText: t('common:actions.cancel'),
      onOk: () =>
        setActive
          .mutateAsync({ params: { userId: m.id }, body: { status: deactivate ? 'deactivated' : 'active' } })
          .then(() => message.success(t(deactivate ? 'admin.members.deactivated' : 'admin.members.reactivated', { name })))
          .catch((e) => message.error(errorMessage(e))),
    });
  };

  const actions = (m: MemberView) => (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(m)} data-testid={`member-edit-${m.id}`}>
        {isPhone ? null : t('admin.members.edit')}
      </Button>
      {isAdmin ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'roles', label: t('admin.members.editRoles'), onClick: () => setRolesOf(m) },
              {
                key: 'status',
                danger: m.status === 'active',
                label: t(m.status === 'active' ? 'admin.members.deactivate' : 'admin.members.reactivate'),
                onClick: () => toggleActive(m),
              },
            ],
          }}
        >
          <Button size="small" icon={<DownOutlined />} data-testid={`member-more-${m.id}`} />
        </Dropdown>
      ) : null}
    </Space>
  );
  const roleTags = (m: MemberView) =>
    m.roles
      .filter((r) => r !== 'member')
      .map((r) => (
        <Tag key={r} color={r === 'admin' ? 'blue' : 'purple'}>
          {t(`roles.${r}`)}
        </Tag>
      ));
  const deptName = (m: MemberView) => (m.primaryDepartmentId ? departments.byId.get(m.primaryDepartmentId)?.name : undefined);

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('admin.members.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ flex: '1 1 220px' }}
          data-testid="admin-member-search"
        />
        <Segmented<Status>
          value={status}
          onChange={setStatus}
          options={(['active', 'deactivated', 'all'] as const).map((s) => ({ value: s, label: t(`admin.members.status.${s}`) }))}
        />
      </Flex>
      {search.error ? <Typography.Paragraph type="danger">{errorMessage(search.error)}</Typography.Paragraph> : null}
      {isPhone ? (
        <RowList
          loading={search.isPending}
          empty={t('directory.noResults')}
          rows={search.members.map((m) => ({
            key: m.id,
            testId: `admin-member-${m.id}`,
            avatar: <PersonAvatar userId={m.id} name={displayNameFor(m, locale)} person={m} avatarUrl={m.avatarUrl} />,
            title: (
              <>
                {displayNameFor(m, locale)} {roleTags(m)}
                {m.status === 'deactivated' ? <Tag>{t('admin.members.status.deactivated')}</Tag> : null}
              </>
            ),
            description: [m.email, deptName(m)].filter(Boolean).join(' · '),
            extra: actions(m),
          }))}
        />
      ) : (
        <Table<MemberView>
          rowKey="id"
          size="middle"
          loading={search.isPending}
          dataSource={search.members}
          pagination={false}
          onRow={(m) => ({ 'data-testid': `admin-member-${m.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('admin.members.name'),
              render: (_, m) => (
                <Space>
                  <PersonAvatar userId={m.id} name={displayNameFor(m, locale)} person={m} avatarUrl={m.avatarUrl} size={28} />
                  <span>
                    {displayNameFor(m, locale)}
                    {m.title ? <Typography.Text type="secondary"> · {m.title}</Typography.Text> : null}
                  </span>
                </Space>
              ),
            },
            { key: 'email', title: t('admin.members.email'), dataIndex: 'email', ellipsis: true },
            { key: 'dept', title: t('admin.members.department'), render: (_, m) => deptName(m) ?? '—' },
            { key: 'roles', title: t('admin.members.roles'), render: (_, m) => roleTags(m) },
            {
              key: 'status',
              title: t('admin.members.statusLabel'),
              render: (_, m) =>
                m.status === 'active' ? (
                  <Tag color="green">{t('admin.members.status.active')}</Tag>
                ) : (
                  <Tag>{t('admin.members.status.deactivated')}</Tag>
                ),
            },
            { key: 'actions', title: t('admin.members.actions'), render: (_, m) => actions(m), width: 140 },
          ]}
        />
      )}
      {search.hasNextPage ? (
        <div style={{ padding: 12, textAlign: 'center' }}>
          <Button onClick={() => search.fetchNextPage()} loading={search.isFetchingNextPage}>
            {t('common:actions.more')}
          </Button>
        </div>
      ) : null}
      <MemberEditDrawer member={editing} onClose={() => setEditing(null)} />
      <MemberRolesModal member={rolesOf} onClose={() => setRolesOf(null)} />
    </>
  );
}
