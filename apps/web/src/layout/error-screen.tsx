import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../platform/client/api.js';

/** A whole-page failure (server unreachable, a page crashed) with a way out. */
export function ErrorScreen(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <Result
      status="error"
      title={t('crash.title')}
      subTitle={errorMessage(props.error)}
      extra={
        <Button type="primary" onClick={props.onRetry ?? (() => window.location.reload())}>
          {props.onRetry ? t('common:actions.retry') : t('crash.reload')}
        </Button>
      }
    />
  );
}
