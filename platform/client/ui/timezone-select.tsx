import { Select } from 'antd';
import { useMemo } from 'react';

function allTimeZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC', 'Asia/Shanghai', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles'];
  }
}

/** Searchable list of the IANA time zones the browser knows. */
export function TimeZoneSelect(props: { value?: string; onChange?: (v: string) => void; disabled?: boolean; testId?: string }) {
  const options = useMemo(() => {
    const zones = allTimeZones();
    // Keep a stored zone selectable even if this browser does not list it.
    if (props.value && !zones.includes(props.value)) zones.unshift(props.value);
    return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
  }, [props.value]);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      style={{ width: '100%' }}
      options={options}
      data-testid={props.testId}
    />
  );
}
