import { Alert, Checkbox, Form, Modal, Skeleton, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../../platform/client/api.js';
import { useLocale } from '../../../../../platform/client/i18n.js';
import { displayNameFor } from '../../../../../platform/shared/person-name.js';
import { getContactCard, getMemberRoles, searchMembers, setMemberRoles } from '../../../shared/contract.js';
import type { MemberView } from '../../../shared/types.js';
import { useDepartments } from '../../departments.js';

const GRANTABLE = ['admin', 'hr_admin', 'hrbp'] as const;

/** Grants or removes roles; an HRBP also gets the department subtrees they cover. */
export function MemberRolesModal(props: { member: MemberView | null; onClose: () => void }) {
  return props.member ? <RolesForm member={props.member} onClose={props.onClose} /> : null;
}

function RolesForm({ member, onClose }: { member: MemberView; onClose: () => void }) {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const [form] = Form.useForm();
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const current = useApiQuery(getMemberRoles, { params: { userId: member.id } });
  const departments = useDepartments();
  const save = useApiMutation(setMemberRoles, {
    invalidates: [searchMembers, getContactCard, getMemberRoles],
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={t('admin.members.rolesTitle', { name: displayNameFor(member, locale) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {current.isPending ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            roles: current.data?.roles.filter((r) => r !== 'member') ?? [],
            scopeDepartmentIds: current.data?.scopeDepartmentIds ?? [],
          }}
          onFinish={(v) =>
            save.mutate({
              params: { userId: member.id },
              body: { roles: v.roles, scopeDepartmentIds: v.roles.includes('hrbp') ? (v.scopeDepartmentIds ?? []) : [] },
            })
          }
        >
          <Typography.Paragraph type="secondary">{t('admin.members.rolesHint')}</Typography.Paragraph>
          <Form.Item name="roles">
            <Checkbox.Group options={GRANTABLE.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          {roles?.includes('hrbp') ? (
            <Form.Item name="scopeDepartmentIds" label={t('admin.members.hrbpScopes')}>
              <TreeSelect multiple treeData={departments.tree} treeDefaultExpandAll allowClear style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
          {current.error ? <Alert type="error" showIcon title={errorMessage(current.error)} /> : null}
        </Form>
      )}
    </Modal>
  );
}
