import { Card, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPEARANCES, setAppearance, useAppearance } from '../../../../platform/client/appearance.js';

/** System, Light or Dark: applies at once, on this device, for this person. */
export function AppearanceSettings(props: { userId: string }) {
  const { t } = useTranslation('accounts');
  const value = useAppearance(props.userId);
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('appearance.intro')}</Typography.Paragraph>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => setAppearance(props.userId, e.target.value)}
        options={APPEARANCES.map((a) => ({
          value: a,
          label: <span data-testid={`appearance-${a}`}>{t(`appearance.${a}`)}</span>,
        }))}
      />
    </Card>
  );
}
