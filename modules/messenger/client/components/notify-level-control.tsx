import { useQueryClient } from '@tanstack/react-query';
import { App, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../../platform/client/api.js';
import { setNotifyLevel } from '../../shared/contract.js';
import type { ChatView, NotifyLevel } from '../../shared/types.js';
import { patchChat } from '../data/chats.js';

const LEVELS: NotifyLevel[] = ['all', 'mentions', 'nothing'];

/** My notification level for this chat: all messages, only @mentions, or nothing (muted). */
export function NotifyLevelControl({ chat }: { chat: ChatView }) {
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const change = async (level: NotifyLevel) => {
    const before = chat.notifyLevel;
    // The total badge follows at once; the server's own count arrives as a live event.
    patchChat(qc, chat.id, (c) => ({ ...c, notifyLevel: level, muted: level === 'nothing' }));
    try {
      await api(setNotifyLevel, { params: { chatId: chat.id as `chat_${string}` }, body: { level } });
    } catch (err) {
      patchChat(qc, chat.id, (c) => ({ ...c, notifyLevel: before, muted: before === 'nothing' }));
      message.error(errorMessage(err));
    }
  };
  return (
    <div className="msg-setting-row msg-notify-level">
      <span>{t('settings.notifyLevel')}</span>
      <Radio.Group
        size="small"
        optionType="button"
        value={chat.notifyLevel}
        onChange={(e) => void change(e.target.value as NotifyLevel)}
        data-testid="chat-notify-level"
        options={LEVELS.map((level) => ({
          value: level,
          label: <span data-testid={`notify-level-${level}`}>{t(`settings.notify.${level}`)}</span>,
        }))}
      />
    </div>
  );
}
