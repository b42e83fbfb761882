import { ClockCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Input, Spin, Tooltip } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../../platform/client/i18n.js';
import { loadEmoji } from './emoji-data.js';
import { recentEmoji, rememberEmoji } from './emoji-recent.js';
import { type PickerEmoji, searchEmoji } from './emoji-search.js';
import './emoji-picker.css';

// emojibase's groups, each shown by one of its own emoji (2, skin-tone parts, is never offered).
const GROUPS = [
  { group: 0, key: 'smileys', icon: '😀' },
  { group: 1, key: 'people', icon: '👋' },
  { group: 3, key: 'animals', icon: '🐻' },
  { group: 4, key: 'food', icon: '🍔' },
  { group: 5, key: 'travel', icon: '✈️' },
  { group: 6, key: 'activities', icon: '⚽' },
  { group: 7, key: 'objects', icon: '💡' },
  { group: 8, key: 'symbols', icon: '🔣' },
  { group: 9, key: 'flags', icon: '🏁' },
] as const;

type Tab = 'recent' | (typeof GROUPS)[number]['group'];

/** The full emoji set: search by name in the reader's language (English works too), categories, recently used. */
export function EmojiPicker(props: { onPick: (emoji: string) => void }) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const data = useQuery({
    queryKey: ['emoji-set', locale],
    queryFn: () => loadEmoji(locale),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [query, setQuery] = useState('');
  const [recent] = useState(recentEmoji);
  const [tab, setTab] = useState<Tab>(recent.length ? 'recent' : 0);
  const all = data.data;
  const byEmoji = useMemo(() => new Map(all?.map((e) => [e.emoji, e])), [all]);

  const shown: PickerEmoji[] = useMemo(() => {
    if (!all) return [];
    if (query.trim()) return searchEmoji(all, query);
    if (tab === 'recent') return recent.map((e) => byEmoji.get(e) ?? { emoji: e, group: -1, order: 0, label: e, words: [] });
    return all.filter((e) => e.group === tab);
  }, [all, byEmoji, query, tab, recent]);

  const pick = (emoji: string) => {
    rememberEmoji(emoji);
    props.onPick(emoji);
  };

  let body: ReactNode;
  if (data.isError) body = <div className="emoji-picker-note">{t('emoji.loadFailed')}</div>;
  else if (!all) body = <Spin className="emoji-picker-note" />;
  else if (shown.length === 0) body = <div className="emoji-picker-note">{t('emoji.noResults')}</div>;
  else
    body = (
      <div className="emoji-picker-grid">
        {shown.map((e) => (
          <button
            key={e.emoji}
            type="button"
            className="msg-emoji"
            title={e.label}
            aria-label={e.label}
            onClick={() => pick(e.emoji)}
            data-testid={`emoji-pick-${e.emoji}`}
          >
            {e.emoji}
          </button>
        ))}
      </div>
    );

  const current = query.trim()
    ? null
    : tab === 'recent'
      ? t('emoji.recent')
      : t(`emoji.groups.${GROUPS.find((g) => g.group === tab)?.key}`);
  return (
    <div className="emoji-picker" data-testid="emoji-picker">
      <Input
        autoFocus
        allowClear
        size="small"
        prefix={<SearchOutlined />}
        placeholder={t('emoji.search')}
        aria-label={t('emoji.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        // Enter takes the best match, so typing a name and Enter is enough.
        onPressEnter={() => shown[0] && pick(shown[0].emoji)}
        data-testid="emoji-search"
      />
      {query.trim() ? null : (
        <div className="emoji-picker-tabs" role="tablist">
          {recent.length ? (
            <Tooltip title={t('emoji.recent')}>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'recent'}
                aria-label={t('emoji.recent')}
                className="emoji-picker-tab"
                onClick={() => setTab('recent')}
                data-testid="emoji-tab-recent"
              >
                <ClockCircleOutlined />
              </button>
            </Tooltip>
          ) : null}
          {GROUPS.map((g) => (
            <Tooltip key={g.key} title={t(`emoji.groups.${g.key}`)}>
              <button
                type="button"
                role="tab"
                aria-selected={tab === g.group}
                aria-label={t(`emoji.groups.${g.key}`)}
                className="emoji-picker-tab"
                onClick={() => setTab(g.group)}
                data-testid={`emoji-tab-${g.key}`}
              >
                {g.icon}
              </button>
            </Tooltip>
          ))}
        </div>
      )}
      {current ? <div className="emoji-picker-heading">{current}</div> : null}
      {body}
    </div>
  );
}
