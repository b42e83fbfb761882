import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getMyPresenceSettings, setMyPresenceSettings } from '../../shared/presence.js';
import { api, errorMessage, queryKeyOf, useApiQuery } from '../api.js';
import { PresenceDot, lookOf, usePresenceLabel } from './presence-badge.js';
import { presenceKey, usePresence } from './use-presence.js';

// The dialog is opened from the account menu, which closes (and may unmount) as it is clicked.
let open = false;
const listeners = new Set<() => void>();
const setOpen = (next: boolean) => {
  open = next;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Opens the status dialog (the account menu's entry does). */
export const openStatusDialog = () => setOpen(true);

/** The account menu entry's label: my presence as others see it. */
export function StatusMenuLabel({ userId }: { userId: string }) {
  const { t } = useTranslation('presence');
  const presence = usePresence(userId);
  const label = usePresenceLabel(presence);
  return (
    <span data-testid="status-menu" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
      <PresenceDot look={presence ? lookOf(presence) : 'offline'} />
      {label || t('menu.entry')}
    </span>
  );
}

type Duration = 'm30' | 'h1' | 'h2' | 'tomorrow' | 'off';

function untilOf(d: Duration, now = new Date()): string | null {
  if (d === 'off') return null;
  if (d === 'tomorrow') {
    const next = new Date(now);
    next.setDate(next.getDate() + 1);
    next.setHours(9, 0, 0, 0);
    return next.toISOString();
  }
  const minutes = { m30: 30, h1: 60, h2: 120 }[d];
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/** The status dialog: automatic presence or do-not-disturb for a while, and a daily schedule. */
export function StatusDialog({ me }: { me: string }) {
  const { t } = useTranslation('presence');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const isOpen = useSyncExternalStore(subscribe, () => open);
  const settings = useApiQuery(getMyPresenceSettings, undefined, { enabled: isOpen });
  const [mode, setMode] = useState<'auto' | 'dnd'>('auto');
  const [duration, setDuration] = useState<Duration>('h1');
  const [scheduled, setScheduled] = useState(false);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('08:00');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const s = settings.data;
    if (!s || !isOpen) return;
    setMode(s.dnd ? 'dnd' : 'auto');
    setDuration(s.dnd && s.dnd.until === null ? 'off' : 'h1');
    setScheduled(s.schedule !== null);
    if (s.schedule) {
      setStart(s.schedule.start);
      setEnd(s.schedule.end);
    }
  }, [settings.data, isOpen]);

  const save = async () => {
    setSaving(true);
    try {
      const dnd = mode === 'dnd' ? { until: untilOf(duration) } : null;
      const saved = await api(setMyPresenceSettings, { body: { dnd, schedule: scheduled ? { start, end } : null } });
      qc.setQueryData(queryKeyOf(getMyPresenceSettings), saved);
      void qc.invalidateQueries({ queryKey: presenceKey(me) });
      message.success(t('menu.saved'));
      setOpen(false);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={isOpen}
      title={t('menu.title')}
      onCancel={() => setOpen(false)}
      destroyOnHidden
      width={440}
      footer={
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="status-save">
          {t('menu.save')}
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ width: '100%' }}>
          <Space direction="vertical">
            <Radio value="auto" data-testid="status-auto">
              <Space size={6}>
                <PresenceDot look="online" />
                {t('menu.automatic')}
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                {t('menu.automaticHint')}
              </Typography.Paragraph>
            </Radio>
            <Radio value="dnd" data-testid="status-dnd">
              <Space size={6}>
                <PresenceDot look="dnd" />
                {t('menu.dndNow')}
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                {t('menu.dndHint')}
              </Typography.Paragraph>
            </Radio>
          </Space>
        </Radio.Group>
        {mode === 'dnd' ? (
          <Space wrap>
            {t('menu.for')}
            <Select
              value={duration}
              onChange={setDuration}
              style={{ minWidth: 200 }}
              data-testid="status-duration"
              options={(['m30', 'h1', 'h2', 'tomorrow', 'off'] as const).map((d) => ({
                value: d,
                label: t(`menu.durations.${d}`),
              }))}
            />
          </Space>
        ) : null}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch checked={scheduled} onChange={setScheduled} data-testid="status-schedule" />
            {t('menu.schedule')}
          </Space>
          {scheduled ? (
            <>
              <Space wrap>
                {t('menu.from')}
                <Input
                  type="time"
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                  style={{ width: 120 }}
                  data-testid="status-from"
                />
                {t('menu.to')}
                <Input
                  type="time"
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                  style={{ width: 120 }}
                  data-testid="status-to"
                />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('menu.zone', { zone: settings.data?.timezone ?? '' })}
              </Typography.Text>
            </>
          ) : null}
        </Space>
      </Space>
    </Modal>
  );
}
