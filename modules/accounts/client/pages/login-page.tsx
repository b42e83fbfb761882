import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, useApiMutation } from '../../../../platform/client/api.js';
import { AuthCard } from '../../../../platform/client/ui/auth-card.js';
import { login } from '../../shared/contract.js';
import { useMe, useRememberMe } from '../use-me.js';

/** Only same-site paths: a crafted `?next=https://evil.example` must not redirect away. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Email and password sign-in; returns to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const me = useMe();
  const remember = useRememberMe();
  const mutation = useApiMutation(login, {
    onSuccess: (data) => {
      remember(data);
      navigate(next, { replace: true });
    },
  });
  if (me.data) return <Navigate to={next} replace />;
  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')} testId="login-page">
      <Form layout="vertical" requiredMark={false} onFinish={(body) => mutation.mutate({ body })}>
        <Form.Item name="email" label={t('fields.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="username" inputMode="email" data-testid="login-email" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        {mutation.error ? (
          <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.noAccount')}
      </Typography.Paragraph>
    </AuthCard>
  );
}
