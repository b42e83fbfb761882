import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { listDepartments } from '../../../org/shared/contract.js';
import { createChat } from '../../shared/contract.js';
import { refreshChats } from '../data/chats.js';
import { PeoplePicker } from './people-picker.js';

interface Values {
  name: string;
  description?: string;
  memberIds?: string[];
  visibility: 'private' | 'public';
  scopeDepartmentIds?: string[];
}

/** "New group" for everybody, "new announcement channel" for admins. */
export function NewChatModal(props: { kind: 'group' | 'channel' | null; onClose: () => void; me: string }) {
  const { t } = useTranslation('messenger');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const channel = props.kind === 'channel';
  const departments = useApiQuery(listDepartments, undefined, { enabled: channel, staleTime: 60_000 });

  const submit = async (v: Values) => {
    try {
      const chat = await api(createChat, {
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
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visibility: 'private' }} requiredMark={false}>
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
        {channel ? (
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
            <Form.Item name="memberIds" label={t('newChat.members')}>
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
