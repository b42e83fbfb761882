import { MinusOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceView } from '../../shared/presence.js';
import { usePresence } from './use-presence.js';

/** What a dot shows: do-not-disturb wins over being connected, a meeting over both. */
export type PresenceLook = 'online' | 'away' | 'offline' | 'dnd' | 'meeting';

export function lookOf(p: PresenceView): PresenceLook {
  if (p.activity?.kind === 'meeting') return 'meeting';
  if (p.dnd) return 'dnd';
  return p.status;
}

const COLORS: Record<PresenceLook, string> = {
  online: '#34c759',
  away: '#ff9f0a',
  offline: '#bfbfbf',
  dnd: '#f54a45',
  meeting: '#3370ff',
};

/** The localised words for a person's presence ("Do not disturb until 18:00"). */
export function usePresenceLabel(p: PresenceView | undefined): string {
  const { t, i18n } = useTranslation('presence');
  if (!p) return '';
  const look = lookOf(p);
  if (look === 'dnd' && p.dndUntil) {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(p.dndUntil));
    return t('status.dndUntil', { time });
  }
  return t(`status.${look}`);
}

/** Just the dot, for places that lay it out themselves (the status menu). */
export function PresenceDot({ look, size = 10, style }: { look: PresenceLook; size?: number; style?: CSSProperties }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: '50%',
        background: COLORS[look],
        color: '#fff',
        fontSize: size * 0.8,
        boxSizing: 'content-box',
        ...style,
      }}
    >
      {look === 'dnd' ? <MinusOutlined /> : null}
    </span>
  );
}

/**
 * An avatar with the person's presence dot at its lower right, live. Renders the avatar alone
 * until the presence is known (or for people past the watch cap).
 */
export function PresenceBadge({ userId, size = 40, children }: { userId: string; size?: number; children: ReactNode }) {
  const presence = usePresence(userId);
  const label = usePresenceLabel(presence);
  if (!presence) return <>{children}</>;
  const look = lookOf(presence);
  const dot = Math.max(8, Math.round(size * 0.28));
  return (
    <span style={{ position: 'relative', display: 'inline-flex', flexShrink: 0 }}>
      {children}
      <Tooltip title={label}>
        <span
          role="img"
          aria-label={label}
          data-testid="presence-dot"
          data-user-id={userId}
          data-status={look}
          style={{ position: 'absolute', right: -1, bottom: -1, lineHeight: 0 }}
        >
          <PresenceDot look={look} size={dot} style={{ border: '2px solid var(--ant-color-bg-container, #fff)' }} />
        </span>
      </Tooltip>
    </span>
  );
}

/** A person's presence in words with its dot ("Do not disturb until 18:00"), for the contact card. */
export function PresenceStatusText({ userId }: { userId: string }) {
  const presence = usePresence(userId);
  const label = usePresenceLabel(presence);
  if (!presence) return null;
  return (
    <span data-testid="presence-text" style={{ display: 'inline-flex', gap: 6, alignItems: 'center', fontSize: 12 }}>
      <PresenceDot look={lookOf(presence)} size={8} />
      {label}
    </span>
  );
}
