import { Divider, theme } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The "New messages" line above the first message that was unread when the chat was opened. */
export function UnreadDivider({ ref }: { ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation('messenger');
  const { token } = theme.useToken();
  return (
    <div ref={ref} data-testid="unread-divider">
      <Divider plain style={{ margin: '8px 0', fontSize: 12, color: token.colorError, borderColor: token.colorErrorBorder }}>
        {t('conv.newMessages')}
      </Divider>
    </div>
  );
}
