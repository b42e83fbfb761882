import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../../platform/client/api.js';
import { forwardMessage } from '../../shared/contract.js';
import type { ChatView, MessageView } from '../../shared/types.js';
import { useChatList } from '../data/chats.js';
import { acceptMessage, newClientId } from '../data/send.js';
import { ChatAvatar, useChatName } from './chat-avatar.js';

function Option({ chat, checked, onChange }: { chat: ChatView; checked: boolean; onChange: (v: boolean) => void }) {
  const name = useChatName(chat);
  return (
    <Checkbox
      className="msg-forward-option"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      data-testid={`forward-option-${chat.id}`}
    >
      <span className="msg-forward-label">
        <ChatAvatar chat={chat} size={28} />
        <span className="msg-chat-name">{name}</span>
      </span>
    </Checkbox>
  );
}

/** Forward a message to one or more chats I may post in. */
export function ForwardModal(props: { message: MessageView | null; me: string; onClose: () => void }) {
  const { t } = useTranslation('messenger');
  const { message: toast } = App.useApp();
  const qc = useQueryClient();
  const chats = useChatList();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const options = (chats.data?.items ?? []).filter(
    (c) => c.myRole && c.myRole !== 'subscriber' && c.name.toLowerCase().includes(q.trim().toLowerCase()),
  );

  const submit = async () => {
    if (!props.message || chosen.length === 0) return;
    setBusy(true);
    try {
      const res = await api(forwardMessage, {
        params: { messageId: props.message.id as `msg_${string}` },
        body: { chatIds: chosen as `chat_${string}`[], clientId: newClientId() },
      });
      for (const m of res.items) acceptMessage(qc, props.me, m, false);
      toast.success(t('forward.done'));
      setChosen([]);
      props.onClose();
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.message !== null}
      title={t('forward.title')}
      okText={t('forward.send')}
      okButtonProps={{ disabled: chosen.length === 0, loading: busy }}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Input
        placeholder={t('forward.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        allowClear
        style={{ marginBottom: 8 }}
      />
      <div className="msg-forward-list">
        {options.map((c) => (
          <Option
            key={c.id}
            chat={c}
            checked={chosen.includes(c.id)}
            onChange={(v) => setChosen((s) => (v ? [...s, c.id] : s.filter((x) => x !== c.id)))}
          />
        ))}
      </div>
    </Modal>
  );
}
