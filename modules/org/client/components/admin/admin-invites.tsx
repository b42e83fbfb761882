import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Avatar,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../../platform/client/api.js';
import { formatDateTime } from '../../../../../platform/client/format.js';
import { useLocale } from '../../../../../platform/client/i18n.js';
import { CopyButton } from '../../../../../platform/client/ui/copy-button.js';
import { CreateThenRevealModal } from '../../../../../platform/client/ui/create-then-reveal-modal.js';
import { RowList } from '../../../../../platform/client/ui/row-list.js';
import { createInvite, listInvites, revokeInvite } from '../../../../accounts/shared/contract.js';
import { useDepartments } from '../../departments.js';
import { useHasRole, useMe } from '../../use-me.js';

const STATUS_COLOR = { pending: 'blue', used: 'green', expired: 'default', revoked: 'red' } as const;

/** Invite links: create (the link is shown once, with a copy button), list, revoke. */
export function AdminInvites() {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const me = useMe();
  const isAdmin = useHasRole('admin');
  const { message } = App.useApp();
  const departments = useDepartments();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [form] = Form.useForm();
  const invites = useApiQuery(listInvites);
  const create = useApiMutation(createInvite, { invalidates: [listInvites], onSuccess: (data) => setLink(data.url) });
  const revoke = useApiMutation(revokeInvite, {
    invalidates: [listInvites],
    onSuccess: () => message.success(t('admin.invites.revoked')),
  });
  const when = (iso: string) => formatDateTime(iso, locale, me.data?.user.timezone);
  const close = () => {
    setOpen(false);
    setLink(null);
    create.reset();
  };
  // HR admins may invite, but only admins may hand out the admin role.
  const roles = (isAdmin ? ['member', 'hr_admin', 'hrbp', 'admin'] : ['member']) as ('member' | 'hr_admin' | 'hrbp' | 'admin')[];

  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="invite-new">
          {t('admin.invites.create')}
        </Button>
      </Flex>
      {invites.error ? <Alert type="error" showIcon title={errorMessage(invites.error)} style={{ margin: 12 }} /> : null}
      <RowList
        loading={invites.isPending}
        empty={t('admin.invites.empty')}
        testId="invites-list"
        rows={(invites.data?.items ?? []).map((inv) => ({
          key: inv.id,
          testId: `invite-${inv.id}`,
          avatar: <Avatar icon={<LinkOutlined />} />,
          title: (
            <>
              {inv.email ?? t('admin.invites.anyone')}{' '}
              <Tag color={STATUS_COLOR[inv.status]}>{t(`admin.invites.status.${inv.status}`)}</Tag>
              {inv.role && inv.role !== 'member' ? <Tag>{t(`roles.${inv.role}`)}</Tag> : null}
            </>
          ),
          description: [
            inv.departmentId ? departments.byId.get(inv.departmentId as `dep_${string}`)?.name : null,
            t('admin.invites.created', { time: when(inv.createdAt) }),
            inv.status === 'pending' ? t('admin.invites.expires', { time: when(inv.expiresAt) }) : null,
          ]
            .filter(Boolean)
            .join(' · '),
          extra:
            inv.status === 'pending' ? (
              <Popconfirm
                title={t('admin.invites.revokeConfirm')}
                onConfirm={() =>
                  revoke.mutateAsync({ params: { inviteId: inv.id } }).catch((e) => message.error(errorMessage(e)))
                }
              >
                <Button danger size="small" data-testid={`invite-revoke-${inv.id}`}>
                  {t('common:actions.revoke')}
                </Button>
              </Popconfirm>
            ) : null,
        }))}
      />
      <CreateThenRevealModal
        open={open}
        title={t('admin.invites.createTitle')}
        revealedTitle={t('admin.invites.linkTitle')}
        doneLabel={t('common:actions.close')}
        doneTestId="invite-done"
        createTestId="invite-create"
        creating={create.isPending}
        onCreate={() => form.submit()}
        onClose={close}
        revealed={
          link ? (
            <>
              <Typography.Paragraph type="secondary">{t('admin.invites.linkHint')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Input
                  readOnly
                  value={link}
                  style={{ flex: '1 1 220px' }}
                  data-testid="invite-url"
                  onFocus={(e) => e.target.select()}
                />
                <CopyButton text={link} type="primary" testId="invite-copy" />
              </Flex>
            </>
          ) : null
        }
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ role: 'member', expiresInDays: 7 }}
          onFinish={(v) =>
            create.mutate({
              body: {
                email: v.email?.trim() || undefined,
                role: v.role,
                departmentId: v.departmentId || undefined,
                expiresInDays: v.expiresInDays,
              },
            })
          }
        >
          <Form.Item name="email" label={t('admin.invites.emailOptional')} rules={[{ type: 'email' }]}>
            <Input inputMode="email" data-testid="invite-email" />
          </Form.Item>
          <Form.Item name="role" label={t('admin.invites.role')}>
            <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('admin.invites.department')}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={departments.tree} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('admin.invites.expiresInDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
          {create.error ? <Alert type="error" showIcon title={errorMessage(create.error)} /> : null}
        </Form>
      </CreateThenRevealModal>
    </Card>
  );
}
