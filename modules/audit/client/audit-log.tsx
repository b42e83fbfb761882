import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../platform/client/api.js';
import { formatDateTime } from '../../../platform/client/format.js';
import { useLocale } from '../../../platform/client/i18n.js';
import { nextDay, startOfDayIn } from '../../../platform/client/zoned-day.js';
import { getMe } from '../../accounts/shared/contract.js';
import { listAuditActions } from '../shared/contract.js';
import { ActorSelect } from './actor-select.js';
import { type AuditFilters, exportHref, useAuditLog } from './use-audit-log.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `role: admin · email: a@b.c`: what changed, without the empty fields. */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

/** Who did what to what, when, and from where: filterable, exportable as CSV. */
export function AuditLog() {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const me = useApiQuery(getMe);
  const zone = me.data?.user.timezone ?? 'UTC';
  // The filters live in the address, so a filtered view can be shared, reloaded and survives
  // the layout switching between desktop and phone.
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes))
          if (v) p.set(k, v);
          else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const actorId = params.get('actor') ?? undefined;
  const action = params.get('action') ?? undefined;
  const from = params.get('from');
  const to = params.get('to');
  const days = from && DAY.test(from) && to && DAY.test(to) ? ([from, to] as const) : null;
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
        <ActorSelect value={actorId} onChange={(id) => set({ actor: id })} placeholder={t('filters.actor')} />
        <Select
          allowClear
          value={action}
          onChange={(a) => set({ action: a })}
          placeholder={t('filters.action')}
          style={{ minWidth: 180 }}
          data-testid="audit-action"
          options={(actions.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[false, false]}
          placeholder={[t('filters.from'), t('filters.to')]}
          value={days ? [dayjs(days[0]), dayjs(days[1])] : null}
          onChange={(range) => {
            const [a, b] = [range?.[0], range?.[1]];
            set({ from: a?.format('YYYY-MM-DD'), to: b?.format('YYYY-MM-DD') });
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
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('cols.time'),
            dataIndex: 'createdAt',
            render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(iso, locale, zone)}</span>,
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
              const text = detailsText(d);
              return (
                <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 320 }}>
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
