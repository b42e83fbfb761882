import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation } from '../../../../platform/client/api.js';
import { changePassword, listSessions } from '../../shared/contract.js';

/** Changing the password signs every other session out (the server does it; we refresh the list). */
export function PasswordSettings() {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm();
  const mutation = useApiMutation(changePassword, { invalidates: [listSessions], onSuccess: () => form.resetFields() });
  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 480 }}
        onFinish={(v) => mutation.mutate({ body: { currentPassword: v.currentPassword, newPassword: v.newPassword } })}
      >
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('fields.passwordHint')}
          rules={[{ required: true, min: 8 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {mutation.error ? (
          <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        {mutation.isSuccess ? <Alert type="success" showIcon title={t('password.changed')} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
