import { MailOutlined, MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { linkTo } from '../../../../platform/client/copy-text.js';
import { localTimeIn } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { PresenceBadge, PresenceStatusText } from '../../../../platform/client/presence/presence-badge.js';
import { CopyButton } from '../../../../platform/client/ui/copy-button.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import { displayNameFor } from '../../../../platform/shared/person-name.js';
import { type ContactCard as Card, getContactCard } from '../../shared/contract.js';
import { useMe } from '../use-me.js';
import { DirectReports, PersonLink } from './reporting-line.js';

/** A person's card: who they are, where they sit, how to reach them, and their reporting line. */
export function ContactCardDrawer(props: { userId: string | null; onClose: () => void }) {
  const isPhone = useIsPhone();
  const { t } = useTranslation('org');
  return (
    <Drawer
      open={Boolean(props.userId)}
      onClose={props.onClose}
      placement={isPhone ? 'bottom' : 'right'}
      size={isPhone ? '85vh' : 420}
      title={t('card.title')}
      destroyOnHidden
      styles={{ body: { paddingTop: 8 } }}
    >
      {props.userId ? <CardBody userId={props.userId} onClose={props.onClose} /> : null}
    </Drawer>
  );
}

function CardBody({ userId, onClose }: { userId: string; onClose: () => void }) {
  const card = useApiQuery(getContactCard, { params: { userId } });
  if (card.isPending) return <Skeleton active avatar paragraph={{ rows: 6 }} />;
  if (card.error) return <Alert type="error" showIcon title={errorMessage(card.error)} />;
  return <CardContent card={card.data} onClose={onClose} />;
}

function CardContent({ card, onClose }: { card: Card; onClose: () => void }) {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const navigate = useNavigate();
  const me = useMe().data?.user.id;
  const m = card.member;
  const name = displayNameFor(m, locale);
  const otherNames = [...new Set(Object.values(m.names).filter((n): n is string => Boolean(n) && n !== name))];
  if (m.displayName !== name && !otherNames.includes(m.displayName)) otherNames.unshift(m.displayName);
  const localTime = localTimeIn(m.timezone, locale);
  const items = [
    {
      key: 'email',
      label: t('card.email'),
      children: (
        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
          {m.email}
        </Typography.Text>
      ),
    },
    m.phone ? { key: 'phone', label: t('card.phone'), children: <a href={`tel:${m.phone}`}>{m.phone}</a> } : null,
    card.departments.length
      ? {
          key: 'departments',
          label: t('card.departments'),
          children: (
            <Flex vertical gap={4}>
              {card.departments.map((d) => (
                <span key={d.id}>
                  {d.pathNames.join(' / ')} {d.isPrimary && card.departments.length > 1 ? <Tag>{t('card.primary')}</Tag> : null}
                </span>
              ))}
            </Flex>
          ),
        }
      : null,
    card.manager
      ? {
          key: 'manager',
          label: t('card.manager'),
          children: <PersonLink person={card.manager} testId="contact-card-manager" />,
        }
      : null,
    m.jobSequence ? { key: 'seq', label: t('card.jobSequence'), children: m.jobSequence } : null,
    m.jobLevel ? { key: 'level', label: t('card.jobLevel'), children: m.jobLevel } : null,
    m.site ? { key: 'site', label: t('card.site'), children: m.site } : null,
    {
      key: 'tz',
      label: t('card.timezone'),
      children: (
        <span>
          {m.timezone.replace(/_/g, ' ')}
          {localTime ? <Typography.Text type="secondary"> · {t('card.localTime', { time: localTime })}</Typography.Text> : null}
        </span>
      ),
    },
    card.directReports.length
      ? {
          key: 'reports',
          label: t('card.reports'),
          children: <DirectReports reports={card.directReports} />,
        }
      : null,
  ].filter((x) => x !== null);

  return (
    <div data-testid="contact-card">
      <Flex gap={16} align="center" style={{ marginBottom: 16 }}>
        <PresenceBadge userId={m.id} size={64}>
          <PersonAvatar userId={m.id} name={name} person={m} avatarUrl={m.avatarUrl} size={64} static />
        </PresenceBadge>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-card-name">
            {name}
          </Typography.Title>
          {otherNames.length ? <Typography.Text type="secondary">{otherNames.join(' · ')}</Typography.Text> : null}
          <div>
            {m.title ? <Typography.Text>{m.title}</Typography.Text> : null}{' '}
            {m.status === 'deactivated' ? <Tag color="default">{t('card.deactivated')}</Tag> : null}
          </div>
          {m.status === 'active' ? <PresenceStatusText userId={m.id} /> : null}
        </div>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        {m.id !== me && m.status === 'active' ? (
          <Button
            type="primary"
            icon={<MessageOutlined />}
            data-testid="contact-card-message"
            onClick={() => {
              // The messenger's address for "my direct chat with this person": org knows no messenger code.
              onClose();
              navigate(`/messages/with/${m.id}`);
            }}
          >
            {t('card.message')}
          </Button>
        ) : null}
        <Button icon={<MailOutlined />} href={`mailto:${m.email}`}>
          {t('card.sendEmail')}
        </Button>
        {m.phone ? <Button icon={<PhoneOutlined />} href={`tel:${m.phone}`} aria-label={t('card.phone')} /> : null}
        <CopyButton link text={linkTo(`/directory/people/${m.id}`)} testId="contact-card-copy-link" />
      </Space>
      <Descriptions column={1} size="small" items={items} />
    </div>
  );
}
