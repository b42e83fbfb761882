import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, Modal, Radio, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { listDepartments } from '../../../org/shared/contract.js';
import { createChat, createDepartmentChat } from '../../shared/contract.js';
import { refreshChats } from '../data/chats.js';
import { PeoplePicker } from './people-picker.js';

interface Values {
  /** Group dialog, org admins: an ordinary group or the group of a department. */
  groupKind?: 'group' | 'department';
  departmentId?: string;
  name: string;
  description?: string;
  memberIds?: string[];
  visibility: 'private' | 'public';
  scopeDepartmentIds?: string[];
}

/**
 * "New group" for everybody (org admins may make it the group of a department, whose members
 * then follow the department), "new announcement channel" for admins.
 */
export function NewChatModal(props: { kind: 'group' | 'channel' | null; onClose: () => void; me: string; isAdmin?: boolean }) {
  const { t } = useTranslation('messenger');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const channel = props.kind === 'channel';
  const groupKind = Form.useWatch('groupKind', form) ?? 'group';
  const department = !channel && props.isAdmin && groupKind === 'department';
  const departments = useApiQuery(listDepartments, undefined, {
    enabled: props.kind !== null && (channel || Boolean(props.isAdmin)),
    staleTime: 60_000,
  });

  const submit = async (v: Values) => {
    try {
      const chat = department
        ? await api(createDepartmentChat, {
            body: { departmentId: v.departmentId as `dep_${string}`, ...(v.name?.trim() ? { name: v.name.trim() } : {}) },
          })
        : await api(createChat, {
            body: {
              kind: channel ? 'channel' : 'group',
              name: v.name,
              description: v.description || undefined,
              visibility: v.visibility,
              memberIds: (v.memberIds ?? []) as `usr_${string}`[],
              ...(channel ? { scopeDepartmentIds: (v.scopeDepartmentIds ?? []) as `dep_${string}`[] } : {}),
            },
          });
      await refreshChats(qc);
      form.resetFields();
      props.onClose();
      navigate(`/messages/${chat.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.kind !== null}
      title={channel ? t('newChat.channelTitle') : t('newChat.groupTitle')}
      okText={t('newChat.create')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': 'new-chat-create' } as ButtonProps}
      destroyOnHidden
    >
      {channel ? <Typography.Paragraph type="secondary">{t('newChat.channelHint')}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ visibility: 'private', groupKind: 'group' }}
        requiredMark={false}
      >
        {!channel && props.isAdmin ? (
          <Form.Item name="groupKind">
            <Segmented
              block
              data-testid="new-chat-kind"
              options={[
                { value: 'group', label: <span data-testid="new-chat-kind-group">{t('newChat.ordinaryGroup')}</span> },
                { value: 'department', label: <span data-testid="new-chat-kind-department">{t('department.tag')}</span> },
              ]}
            />
          </Form.Item>
        ) : null}
        {department ? (
          <>
            <Typography.Paragraph type="secondary">{t('department.hint')}</Typography.Paragraph>
            <Form.Item
              name="departmentId"
              label={t('department.pick')}
              rules={[{ required: true, message: t('common:fields.required') }]}
            >
              <Select
                placeholder={t('department.pickPlaceholder')}
                loading={departments.isPending}
                options={(departments.data?.items ?? []).map((d) => ({
                  value: d.id,
                  label: d.name,
                  'data-testid': `department-option-${d.id}`,
                }))}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(id) => {
                  const d = departments.data?.items.find((x) => x.id === id);
                  if (d && !form.getFieldValue('name')) form.setFieldValue('name', d.name);
                }}
                data-testid="new-chat-department"
              />
            </Form.Item>
            <Form.Item name="name" label={t('newChat.name')} extra={t('department.nameHint')} rules={[{ max: 100 }]}>
              <Input maxLength={100} data-testid="new-chat-name" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="name"
              label={t('newChat.name')}
              rules={[{ required: true, whitespace: true, max: 100, message: t('common:fields.required') }]}
            >
              <Input maxLength={100} data-testid="new-chat-name" />
            </Form.Item>
            <Form.Item name="description" label={t('newChat.description')}>
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="new-chat-description" />
            </Form.Item>
          </>
        )}
        {department ? null : channel ? (
          <Form.Item name="scopeDepartmentIds" label={t('newChat.scope')}>
            <Select
              mode="multiple"
              placeholder={t('newChat.scopePlaceholder')}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="memberIds"
              label={t('newChat.members')}
              dependencies={['visibility']}
              // A private group of one could never be found by anybody (the server refuses it too).
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, ids?: string[]) =>
                    getFieldValue('visibility') === 'public' || ids?.some((id) => id !== props.me)
                      ? Promise.resolve()
                      : Promise.reject(),
                  message: <span data-testid="new-chat-members-error">{t('newChat.needSomeone')}</span>,
                }),
              ]}
            >
              <PeoplePicker exclude={[props.me]} placeholder={t('newChat.membersPlaceholder')} testId="new-chat-members" />
            </Form.Item>
            <Form.Item name="visibility" label={t('newChat.visibility')}>
              <Radio.Group
                options={[
                  { value: 'private', label: t('newChat.private') },
                  { value: 'public', label: t('newChat.public') },
                ]}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
