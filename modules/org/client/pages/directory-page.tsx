import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Tooltip, Tree, TreeSelect, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar, useOpenPersonCard } from '../../../../platform/client/person-card.js';
import { Page } from '../../../../platform/client/ui/page.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { RowList } from '../../../../platform/client/ui/row-list.js';
import { useDebounced } from '../../../../platform/client/use-debounced.js';
import { displayNameFor } from '../../../../platform/shared/person-name.js';
import { useDepartments, useExpandedKeys } from '../departments.js';
import { useMemberSearch } from '../member-search.js';

const ALL = '__all__';

/**
 * The company directory: department tree, search-as-you-type, and a contact card behind every person.
 * The chosen department is in the address (/directory/departments/:id), and /directory/people/:id opens a card.
 */
export function DirectoryPage() {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const isPhone = useIsPhone();
  const openCard = useOpenPersonCard();
  const navigate = useNavigate();
  const { departmentId, userId } = useParams();
  const [q, setQ] = useState('');
  const setDepartmentId = (id: string | undefined) => navigate(id ? `/directory/departments/${id}` : '/directory');
  useEffect(() => {
    if (userId) openCard(userId);
  }, [userId, openCard]);
  const departments = useDepartments();
  const search = useMemberSearch({ q: useDebounced(q, 200), departmentId });
  const expansion = useExpandedKeys([ALL, ...departments.items.map((d) => d.id)]);

  const treeData = [{ key: ALL, value: ALL, title: t('directory.allMembers'), children: departments.tree }];
  const picker = isPhone ? (
    <TreeSelect
      value={departmentId ?? ALL}
      onChange={(v) => setDepartmentId(v === ALL ? undefined : v)}
      treeData={treeData}
      treeDefaultExpandAll
      style={{ width: '100%' }}
      data-testid="directory-department-select"
    />
  ) : (
    <Card
      size="small"
      title={t('directory.departments')}
      // Wider on wide screens: bilingual department names need the room.
      style={{ width: 'clamp(280px, 26vw, 380px)', flexShrink: 0 }}
      loading={departments.isPending}
    >
      <Tree
        blockNode
        className="skein-ellipsis-tree"
        {...expansion}
        selectedKeys={[departmentId ?? ALL]}
        onSelect={(keys) => {
          const key = keys[0] as string | undefined;
          if (key) setDepartmentId(key === ALL ? undefined : key);
        }}
        treeData={treeData}
        // Bilingual names are long: one line each, cut with an ellipsis, the whole name on hover.
        titleRender={(node) => (
          <Tooltip title={node.title as string} placement="right" mouseEnterDelay={0.4}>
            <span className="skein-tree-title" data-testid={`department-${node.key}`}>
              <span className="skein-tree-name">{node.title as string}</span>
              {'department' in node ? (
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12, flexShrink: 0 }}>
                  {(node as { department: { totalMemberCount: number } }).department.totalMemberCount}
                </Typography.Text>
              ) : null}
            </span>
          </Tooltip>
        )}
      />
    </Card>
  );

  return (
    <Page title={t('directory.title')} testId="directory-page">
      <Flex gap={16} vertical={isPhone} align="flex-start" style={{ width: '100%' }}>
        {picker}
        <Card styles={{ body: { padding: 0 } }} style={{ flex: 1, minWidth: 0, width: '100%' }}>
          <div style={{ padding: 12 }}>
            <Input
              allowClear
              size="large"
              prefix={<SearchOutlined />}
              placeholder={t('directory.searchPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              data-testid="directory-search"
            />
          </div>
          {search.error ? <Alert type="error" showIcon title={errorMessage(search.error)} style={{ margin: 12 }} /> : null}
          <RowList
            loading={search.isPending}
            empty={t('directory.noResults')}
            testId="directory-results"
            rows={search.members.map((m) => {
              const dept = m.primaryDepartmentId ? departments.byId.get(m.primaryDepartmentId)?.name : undefined;
              return {
                key: m.id,
                testId: `member-row-${m.id}`,
                onClick: () => openCard(m.id),
                avatar: <PersonAvatar userId={m.id} name={displayNameFor(m, locale)} person={m} avatarUrl={m.avatarUrl} />,
                title: <span data-testid="member-row-name">{displayNameFor(m, locale)}</span>,
                description: [m.title, dept, m.email].filter(Boolean).join(' · '),
              };
            })}
          />
          {search.hasNextPage ? (
            <div style={{ padding: 12, textAlign: 'center' }}>
              <Button onClick={() => search.fetchNextPage()} loading={search.isFetchingNextPage}>
                {t('common:actions.more')}
              </Button>
            </div>
          ) : null}
        </Card>
      </Flex>
    </Page>
  );
}
