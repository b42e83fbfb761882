import { useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, queryKeyOf, useApiQuery } from '../../../../platform/client/api.js';
import { getMessengerSettings, updateMessengerSettings } from '../../shared/contract.js';

const MAX_HOURS = 24 * 365;

/**
 * Organization-wide messenger settings for org admins (the gear in the chat list header):
 * how long people may edit or recall their messages. 0 turns editing and recalling off.
 */
export function MessengerSettingsModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('messenger');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ editWindowHours: number }>();
  const settings = useApiQuery(getMessengerSettings, undefined, { enabled: props.open, staleTime: 0 });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [form, settings.data]);

  const save = async (v: { editWindowHours: number }) => {
    try {
      const next = await api(updateMessengerSettings, { body: { editWindowHours: v.editWindowHours } });
      qc.setQueryData(queryKeyOf(getMessengerSettings, undefined), next);
      message.success(t('settings.saved'));
      props.onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('orgSettings.title')}
      okText={t('message.save')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': 'messenger-settings-save', disabled: !settings.data } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="messenger-settings-panel">
        <Typography.Paragraph type="secondary">{t('orgSettings.hint')}</Typography.Paragraph>
        {settings.data ? (
          <Form form={form} layout="vertical" onFinish={save} initialValues={settings.data} requiredMark={false}>
            <Form.Item
              name="editWindowHours"
              label={t('orgSettings.editWindow')}
              extra={t('orgSettings.editWindowExtra')}
              rules={[
                { required: true, type: 'number', min: 0, max: MAX_HOURS, message: t('orgSettings.range', { max: MAX_HOURS }) },
              ]}
            >
              <InputNumber
                min={0}
                max={MAX_HOURS}
                step={1}
                suffix={t('orgSettings.hours')}
                style={{ width: 200 }}
                data-testid="edit-window-hours"
              />
            </Form.Item>
          </Form>
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} />
        )}
      </div>
    </Modal>
  );
}
