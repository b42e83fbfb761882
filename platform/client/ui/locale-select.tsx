import { Select } from 'antd';
import { LOCALES, type Locale } from '../../shared/i18n.js';
import { LOCALE_NAMES } from '../i18n.js';

/** Picks one of the supported interface languages, each named in itself. */
export function LocaleSelect(props: { value?: Locale; onChange?: (v: Locale) => void; disabled?: boolean; testId?: string }) {
  return (
    <Select<Locale>
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      style={{ width: '100%' }}
      data-testid={props.testId}
      options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], 'data-testid': `locale-option-${l}` }))}
    />
  );
}
