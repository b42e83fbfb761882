import { Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../../platform/client/api.js';
import { useDebounced } from '../../../platform/client/use-debounced.js';
import { searchMembers } from '../../org/shared/contract.js';

/** Picks the one person whose actions to show; deactivated members too (their past actions stay). */
export function ActorSelect(props: { value?: string; onChange: (id: string | undefined) => void; placeholder: string }) {
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 200);
  const results = useApiQuery(
    searchMembers,
    { query: { q: search || undefined, status: 'all', limit: 20 } },
    { placeholderData: (p) => p },
  );
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={props.value}
      onChange={(id) => {
        props.onChange(id);
        setQ('');
      }}
      placeholder={props.placeholder}
      style={{ minWidth: 180 }}
      data-testid="audit-actor"
      options={(results.data?.items ?? []).map((m) => ({ value: m.id, label: m.displayName }))}
    />
  );
}
