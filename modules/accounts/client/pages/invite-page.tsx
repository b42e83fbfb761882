import { Alert, Button, Form, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../platform/client/api.js';
import { deviceTimeZone, formatDateTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { AuthCard } from '../../../../platform/client/ui/auth-card.js';
import { acceptInvite, lookupInvite } from '../../shared/contract.js';
import { AccountFields } from '../components/account-fields.js';
import { useRememberMe } from '../use-me.js';

/** An invite link: names the organization first, then creates the account and signs it in. */
export function InvitePage() {
  const { t } = useTranslation('accounts');
  const { token = '' } = useParams();
  const locale = useLocale();
  const navigate = useNavigate();
  const remember = useRememberMe();
  const invite = useApiQuery(lookupInvite, { params: { token } }, { retry: false, staleTime: Number.POSITIVE_INFINITY });
  const mutation = useApiMutation(acceptInvite, {
    onSuccess: (me) => {
      remember(me);
      navigate('/', { replace: true });
    },
  });

  if (invite.isPending) {
    return (
      <AuthCard title={<Skeleton.Input active size="small" />}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </AuthCard>
    );
  }
  if (invite.error) {
    return (
      <AuthCard title={t('invite.invalidTitle')} testId="invite-invalid">
        <Result
          status="warning"
          subTitle={errorMessage(invite.error)}
          extra={
            <Link to="/login">
              <Button type="primary">{t('invite.toLogin')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }
  const organization = invite.data.organizationName;
  return (
    <AuthCard
      title={<span data-testid="invite-organization">{t('invite.title', { organization })}</span>}
      subtitle={t('invite.subtitle', { organization })}
      testId="invite-page"
    >
      <Form
        layout="vertical"
        requiredMark={false}
        initialValues={{ email: invite.data.email ?? undefined, locale, timezone: deviceTimeZone() }}
        onFinish={(values) => mutation.mutate({ body: { ...values, token } })}
      >
        <AccountFields emailLocked={Boolean(invite.data.email)} />
        {mutation.error ? (
          <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending} data-testid="invite-submit">
          {t('invite.submit', { organization })}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('invite.expires', { date: formatDateTime(invite.data.expiresAt, locale) })}
        </Typography.Paragraph>
      </Form>
    </AuthCard>
  );
}
