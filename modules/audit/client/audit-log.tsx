import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../platform/client/api.js';
import { formatDateTime } from '../../../platform/client/format.js';
import { useLocale } from '../../../platform/client/i18n.js';
import { nextDay, startOfDayIn } from '../../../platform/client/zoned-day.js';
import { getMe } from '../../accounts/shared/contract.js';
import { listAuditActions } from '../shared/contract.js';
import { ActorSelect } from './actor-select.js';
import { type AuditFilters, exportHref, useAuditLog } from './use-audit-log.js';

/** Who did what to what, when, and from where: filterable, exportable as CSV. */
export function AuditLog() {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const me = useApiQuery(getMe);
  const zone = me.data?.user.timezone ?? 'UTC';
  const [actorId, setActorId] = useState<string>();
  const [action, setAction] = useState<string>();
  const [days, setDays] = useState<[string, string] | null>(null);
  const filters: AuditFilters = {
    actorId,
    action,
    // The picked days are the profile zone's days, whatever the browser's zone.
    since: days ? startOfDayIn(days[0], zone) : undefined,
    until: days ? startOfDayIn(nextDay(days[1]), zone) : undefined,
  };
  const actions = useApiQuery(listAuditActions);
  const log = useAuditLog(filters);
  // Action codes are dotted (`invite.created`), so they are looked up as keys of one object
  // rather than as i18next paths; an action without a label shows its code.
  const labels = t('actions', { returnObjects: true }) as Record<string, string>;
  const actionLabel = (code: string) => labels[code] ?? code;

  return (
    <Flex vertical gap={12} data-testid="audit-log">
      <Flex gap={8} wrap align="center">
        <ActorSelect value={actorId} onChange={setActorId} placeholder={t('filters.actor')} />
        <Select
          allowClear
          value={action}
          onChange={setAction}
          placeholder={t('filters.action')}
          style={{ minWidth: 180 }}
          data-testid="audit-action"
          options={(actions.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[false, false]}
          placeholder={[t('filters.from'), t('filters.to')]}
          onChange={(range) => {
            const [a, b] = [range?.[0], range?.[1]];
            setDays(a && b ? [a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')] : null);
          }}
          data-testid="audit-dates"
        />
        <Button icon={<DownloadOutlined />} href={exportHref(filters)} download data-testid="audit-export">
          {t('export')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('zoneNote', { zone })}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        loading={log.isFetching && !log.isFetchingNextPage}
        dataSource={log.entries}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('cols.time'),
            dataIndex: 'createdAt',
            width: 170,
            render: (iso: string) => formatDateTime(iso, locale, zone),
          },
          { title: t('cols.actor'), dataIndex: 'actorName', width: 140, render: (name: string | null) => name ?? t('system') },
          { title: t('cols.action'), dataIndex: 'action', width: 160, render: (code: string) => <Tag>{actionLabel(code)}</Tag> },
          {
            title: t('cols.target'),
            key: 'target',
            width: 200,
            render: (_, e) => (
              <Typography.Text ellipsis={{ tooltip: e.targetId }} style={{ maxWidth: 190 }}>
                {e.targetType}
                {e.targetId ? ` · ${e.targetId}` : ''}
              </Typography.Text>
            ),
          },
          {
            title: t('cols.details'),
            dataIndex: 'details',
            render: (d: Record<string, unknown>) => {
              const text = Object.keys(d).length ? JSON.stringify(d) : '';
              return (
                <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 320 }} code={Boolean(text)}>
                  {text}
                </Typography.Text>
              );
            },
          },
          { title: t('cols.ip'), dataIndex: 'ip', width: 120, render: (ip: string | null) => ip ?? '—' },
        ]}
      />
      {log.hasNextPage ? (
        <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">
          {t('more')}
        </Button>
      ) : null}
    </Flex>
  );
}
