import { ApartmentOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Skeleton,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation } from '../../../../../platform/client/api.js';
import {
  createDepartment,
  type DepartmentView,
  deleteDepartment,
  getContactCard,
  listDepartments,
  updateDepartment,
} from '../../../shared/contract.js';
import { type DepartmentNode, useDepartments, useExpandedKeys } from '../../departments.js';

type Dialog =
  | { kind: 'create'; parent: DepartmentView | null }
  | { kind: 'rename'; department: DepartmentView }
  | { kind: 'move'; department: DepartmentView }
  | null;

const TOP = '__top__';

/** The department tree for admins: create, rename, move (with its subtree), delete when empty. */
export function AdminDepartments() {
  const { t } = useTranslation('org');
  const { message, modal } = App.useApp();
  const departments = useDepartments();
  const [dialog, setDialog] = useState<Dialog>(null);
  const expansion = useExpandedKeys(departments.items.map((d) => d.id));
  const remove = useApiMutation(deleteDepartment, { invalidates: [listDepartments, getContactCard] });

  const confirmDelete = (d: DepartmentView) =>
    modal.confirm({
      title: t('admin.departments.deleteConfirm', { name: d.name }),
      okButtonProps: { danger: true },
      okText: t('common:actions.delete'),
      cancelText: t('common:actions.cancel'),
      onOk: () => remove.mutateAsync({ params: { departmentId: d.id } }).catch((e) => message.error(errorMessage(e))),
    });

  const titleOf = (node: DepartmentNode) => {
    const d = node.department;
    return (
      <Flex align="center" gap={8} justify="space-between" style={{ minWidth: 0 }} data-testid={`admin-department-${d.id}`}>
        <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {d.name}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('admin.departments.members', { count: d.totalMemberCount })}
          </Typography.Text>
        </span>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'child', label: t('admin.departments.addChild'), onClick: () => setDialog({ kind: 'create', parent: d }) },
              {
                key: 'rename',
                label: t('admin.departments.rename'),
                onClick: () => setDialog({ kind: 'rename', department: d }),
              },
              { key: 'move', label: t('admin.departments.move'), onClick: () => setDialog({ kind: 'move', department: d }) },
              { key: 'delete', danger: true, label: t('common:actions.delete'), onClick: () => confirmDelete(d) },
            ],
          }}
        >
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            onClick={(e) => e.stopPropagation()}
            data-testid={`admin-department-menu-${d.id}`}
          />
        </Dropdown>
      </Flex>
    );
  };

  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'create', parent: null })}
          data-testid="department-new"
        >
          {t('admin.departments.add')}
        </Button>
      </Flex>
      {departments.isPending ? (
        <Skeleton active />
      ) : departments.error ? (
        <Alert type="error" showIcon title={errorMessage(departments.error)} />
      ) : departments.tree.length === 0 ? (
        <Empty
          image={<ApartmentOutlined style={{ fontSize: 40, color: 'var(--ant-color-text-quaternary)' }} />}
          description={t('admin.departments.empty')}
        />
      ) : (
        <Tree<DepartmentNode> blockNode {...expansion} selectable={false} treeData={departments.tree} titleRender={titleOf} />
      )}
      <DepartmentDialog dialog={dialog} all={departments.tree} onClose={() => setDialog(null)} />
    </Card>
  );
}

/** Tree options for "move under…": the department itself and its subtree are not offered. */
function parentOptions(nodes: DepartmentNode[], excluded: string | null): DepartmentNode[] {
  return nodes.filter((n) => n.key !== excluded).map((n) => ({ ...n, children: parentOptions(n.children, excluded) }));
}

function DepartmentDialog({ dialog, all, onClose }: { dialog: Dialog; all: DepartmentNode[]; onClose: () => void }) {
  const { t } = useTranslation('org');
  const [form] = Form.useForm();
  const invalidates = [listDepartments, getContactCard];
  const create = useApiMutation(createDepartment, { invalidates, onSuccess: onClose });
  const update = useApiMutation(updateDepartment, { invalidates, onSuccess: onClose });
  if (!dialog) return null;
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const title =
    dialog.kind === 'create'
      ? t('admin.departments.createTitle')
      : dialog.kind === 'rename'
        ? t('admin.departments.renameTitle')
        : t('admin.departments.moveTitle', { name: dialog.department.name });
  const submit = (v: { name?: string; parentId?: string }) => {
    if (dialog.kind === 'create') create.mutate({ body: { name: v.name!, parentId: dialog.parent?.id ?? null } });
    else if (dialog.kind === 'rename') update.mutate({ params: { departmentId: dialog.department.id }, body: { name: v.name } });
    else
      update.mutate({
        params: { departmentId: dialog.department.id },
        body: { parentId: v.parentId === TOP ? null : (v.parentId as DepartmentView['id']) },
      });
  };
  return (
    <Modal
      open
      title={title}
      onCancel={() => {
        create.reset();
        update.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={
          dialog.kind === 'rename'
            ? { name: dialog.department.name }
            : dialog.kind === 'move'
              ? { parentId: dialog.department.parentId ?? TOP }
              : {}
        }
        onFinish={submit}
      >
        {dialog.kind === 'create' && dialog.parent ? (
          <Typography.Paragraph type="secondary">
            {t('admin.departments.parent')}: {dialog.parent.name}
          </Typography.Paragraph>
        ) : null}
        {dialog.kind === 'move' ? (
          <Form.Item name="parentId" label={t('admin.departments.parent')} rules={[{ required: true }]}>
            <TreeSelect
              treeDefaultExpandAll
              treeData={[
                { key: TOP, value: TOP, title: t('admin.departments.topLevel'), children: [] },
                ...parentOptions(all, dialog.department.id),
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={t('admin.departments.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoFocus data-testid="department-name" />
          </Form.Item>
        )}
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      </Form>
    </Modal>
  );
}
