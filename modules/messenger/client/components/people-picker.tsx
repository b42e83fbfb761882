import { useQueryClient } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { useDebounced } from '../../../../platform/client/use-debounced.js';
import { searchMembers } from '../../../org/shared/contract.js';
import { nameOf, seedPeople, toPerson, usePeople } from '../data/people.js';

/** Picks people from the directory as you type (pinyin, romaji and email match too). */
export function PeoplePicker(props: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  exclude?: string[];
  placeholder?: string;
  testId?: string;
}) {
  const locale = useLocale();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 200);
  const results = useApiQuery(searchMembers, { query: { q: search || undefined, limit: 20 } }, { placeholderData: (p) => p });
  useEffect(() => {
    if (results.data) seedPeople(qc, results.data.items.map(toPerson));
  }, [qc, results.data]);
  const chosen = usePeople(props.value ?? []);
  const exclude = new Set(props.exclude ?? []);
  const options = new Map<string, { value: string; label: string; avatarUrl: string | null }>();
  for (const id of props.value ?? []) {
    const p = chosen.get(id);
    options.set(id, { value: id, label: nameOf(p, locale, id), avatarUrl: p?.avatarUrl ?? null });
  }
  for (const m of results.data?.items ?? []) {
    if (!exclude.has(m.id)) options.set(m.id, { value: m.id, label: nameOf(toPerson(m), locale), avatarUrl: m.avatarUrl });
  }
  return (
    <Select
      mode="multiple"
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      onBlur={() => setQ('')}
      notFoundContent={results.isFetching ? <Spin size="small" /> : null}
      style={{ width: '100%' }}
      data-testid={props.testId}
      options={[...options.values()].map((o) => ({
        value: o.value,
        label: o.label,
        'data-testid': `people-option-${o.value}`,
      }))}
      optionRender={(o) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <PersonAvatar
            userId={String(o.value)}
            name={String(o.label)}
            avatarUrl={options.get(String(o.value))?.avatarUrl}
            size={22}
            static
          />
          {o.label}
        </span>
      )}
    />
  );
}
