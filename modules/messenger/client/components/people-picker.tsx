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
  // Closed after each pick: the search starts over anyway, and an open list would cover the
  // dialog's buttons below it (the next keystroke opens it again).
  const [open, setOpen] = useState(false);
  const search = useDebounced(q.trim(), 200);
  const results = useApiQuery(searchMembers, { query: { q: search || undefined, limit: 20 } });
  useEffect(() => {
    if (results.data) seedPeople(qc, results.data.items.map(toPerson));
  }, [qc, results.data]);
  const picked = props.value ?? [];
  const chosen = usePeople(picked);
  // Chosen people never appear among the options: Enter on an option toggles it, and a
  // search matching nobody would otherwise leave a chosen person active for Enter to drop.
  const hidden = new Set([...(props.exclude ?? []), ...picked]);
  // Results of an earlier search are never offered while the next one is debounced or loading:
  // Enter would pick somebody the typed text does not match.
  const stale = search !== q.trim() || results.isPending;
  const avatars = new Map<string, string | null>();
  const options = (stale ? [] : (results.data?.items ?? []))
    .filter((m) => !hidden.has(m.id))
    .map((m) => {
      avatars.set(m.id, m.avatarUrl);
      return { value: m.id, label: nameOf(toPerson(m), locale), 'data-testid': `people-option-${m.id}` };
    });
  return (
    <Select
      mode="multiple"
      // Labels come with the values, so chosen people show by name without being options.
      labelInValue
      value={picked.map((id) => ({ value: id, label: nameOf(chosen.get(id), locale, id) }))}
      onChange={(v: { value: string }[]) => props.onChange?.(v.map((x) => x.value))}
      // The search is controlled, so antd cannot clear it itself: each pick starts a new search.
      onSelect={() => {
        setQ('');
        setOpen(false);
      }}
      open={open}
      onOpenChange={setOpen}
      placeholder={props.placeholder}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          setQ(text);
          setOpen(true);
        },
        searchValue: q,
      }}
      onBlur={() => setQ('')}
      notFoundContent={stale || results.isFetching ? <Spin size="small" /> : null}
      style={{ width: '100%' }}
      data-testid={props.testId}
      options={options}
      optionRender={(o) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <PersonAvatar
            userId={String(o.value)}
            name={String(o.label)}
            avatarUrl={avatars.get(String(o.value))}
            size={22}
            static
          />
          {o.label}
        </span>
      )}
    />
  );
}
