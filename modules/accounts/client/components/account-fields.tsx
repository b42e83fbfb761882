import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../../../platform/client/i18n.js';
import { LocaleSelect } from '../../../../platform/client/ui/locale-select.js';
import { TimeZoneSelect } from '../../../../platform/client/ui/timezone-select.js';
import type { Locale } from '../../../../platform/shared/i18n.js';

/**
 * Name, email, password, language and time zone: what a new account needs, shared by the
 * setup and invite pages. Picking a language switches the page to it right away.
 */
export function AccountFields(props: { emailLocked?: boolean }) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input autoComplete="name" data-testid="field-display-name" />
      </Form.Item>
      <Form.Item name="email" label={t('fields.email')} rules={[{ required: true, type: 'email', max: 254 }]}>
        <Input autoComplete="email" inputMode="email" disabled={props.emailLocked} data-testid="field-email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('fields.password')}
        extra={t('fields.passwordHint')}
        rules={[{ required: true, min: 8, max: 256 }]}
      >
        <Input.Password autoComplete="new-password" data-testid="field-password" />
      </Form.Item>
      <Form.Item name="locale" label={t('common:fields.language')} rules={[{ required: true }]}>
        <LocaleSelect onChange={(l: Locale) => void switchLanguage(l)} testId="field-locale" />
      </Form.Item>
      <Form.Item name="timezone" label={t('common:fields.timezone')} rules={[{ required: true }]}>
        <TimeZoneSelect testId="field-timezone" />
      </Form.Item>
    </>
  );
}
