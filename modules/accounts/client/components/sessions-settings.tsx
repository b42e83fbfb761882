import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Card, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../platform/client/api.js';
import { formatDateTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { RowList } from '../../../../platform/client/ui/row-list.js';
import { listSessions, revokeSession } from '../../shared/contract.js';

/** "Chrome on macOS" out of a user-agent string: enough to recognize one's own devices. */
export function describeUserAgent(ua: string | null): { label: string | null; mobile: boolean } {
  if (!ua) return { label: null, mobile: false };
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /iPhone|iPad/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  const label = [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
  return { label, mobile: /Mobile|iPhone|Android/.test(ua) };
}

/** My signed-in devices, each revocable except this one (signing out does that). */
export function SessionsSettings(props: { timezone: string }) {
  const { t } = useTranslation('accounts');
  const locale = useLocale();
  const { message } = App.useApp();
  const sessions = useApiQuery(listSessions);
  const revoke = useApiMutation(revokeSession, {
    invalidates: [listSessions],
    onSuccess: () => message.success(t('sessions.revoked')),
  });
  const when = (iso: string) => formatDateTime(iso, locale, props.timezone);
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Typography.Paragraph type="secondary" style={{ padding: '16px 16px 0' }}>
        {t('sessions.intro')}
      </Typography.Paragraph>
      {sessions.error ? <Typography.Paragraph type="danger">{errorMessage(sessions.error)}</Typography.Paragraph> : null}
      <RowList
        loading={sessions.isPending}
        testId="sessions-list"
        rows={(sessions.data?.items ?? []).map((s) => {
          const ua = describeUserAgent(s.userAgent);
          return {
            key: s.id,
            testId: `session-${s.id}`,
            avatar: <Avatar icon={ua.mobile ? <MobileOutlined /> : <DesktopOutlined />} />,
            title: (
              <>
                {ua.label ?? t('sessions.unknownDevice')} {s.current ? <Tag color="blue">{t('sessions.thisDevice')}</Tag> : null}
              </>
            ),
            description: [
              s.ip,
              t('sessions.lastSeen', { time: when(s.lastSeenAt) }),
              t('sessions.signedIn', { time: when(s.createdAt) }),
            ]
              .filter(Boolean)
              .join(' · '),
            extra: s.current ? null : (
              <Popconfirm
                title={t('common:states.areYouSure')}
                onConfirm={() => revoke.mutateAsync({ params: { sessionId: s.id } }).catch((e) => message.error(errorMessage(e)))}
              >
                <Button danger size="small" data-testid={`revoke-session-${s.id}`}>
                  {t('common:actions.revoke')}
                </Button>
              </Popconfirm>
            ),
          };
        })}
      />
    </Card>
  );
}
