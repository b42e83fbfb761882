import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, queryKeyOf, useApiMutation } from '../../../../platform/client/api.js';
import { deviceTimeZone } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { AuthCard } from '../../../../platform/client/ui/auth-card.js';
import { getSetupStatus, setup } from '../../shared/contract.js';
import { AccountFields } from '../components/account-fields.js';
import { useRememberMe } from '../use-me.js';

/** First visit: creates the organization and its first administrator, then opens the app. */
export function SetupPage() {
  const { t } = useTranslation('accounts');
  const locale = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const remember = useRememberMe();
  const mutation = useApiMutation(setup, {
    onSuccess: (me) => {
      remember(me);
      qc.setQueryData(queryKeyOf(getSetupStatus), { needsSetup: false });
      navigate('/', { replace: true });
    },
  });
  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')} testId="setup-page">
      <Form
        layout="vertical"
        requiredMark={false}
        initialValues={{ locale, timezone: deviceTimeZone() }}
        onFinish={(body) => mutation.mutate({ body })}
      >
        <Form.Item
          name="organizationName"
          label={t('fields.organizationName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input autoComplete="organization" data-testid="field-organization" />
        </Form.Item>
        <AccountFields />
        {mutation.error ? (
          <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
