import { PlusOutlined, SmileOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popover, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { addReaction, removeReaction } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';
import { nameOf, usePeople } from '../data/people.js';
import { replaceEverywhere } from '../data/send.js';
import { EmojiPicker } from './emoji-picker.js';

/** The quick picks most chat products offer; "more" opens the full set. */
export const QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🙏', '✅', '🔥'];

/** Adds my reaction, or takes it back if I already reacted with that emoji. */
export function useToggleReaction(me: string) {
  const qc = useQueryClient();
  const { message: toast } = App.useApp();
  return async (message: MessageView, emoji: string) => {
    const mine = message.reactions.some((r) => r.emoji === emoji && (r.userIds as string[]).includes(me));
    try {
      const c = mine ? removeReaction : addReaction;
      const updated = await api(c, { params: { messageId: message.id as `msg_${string}`, emoji } });
      replaceEverywhere(qc, updated);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
}

/** A button that opens the quick picks; "more" turns the same popover into the full emoji picker. */
export function ReactionPicker(props: { onPick: (emoji: string) => void; testId?: string }) {
  const { t } = useTranslation('messenger');
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState(false);
  const pick = (e: string) => {
    setOpen(false);
    props.onPick(e);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setFull(false);
      }}
      trigger="click"
      placement="top"
      destroyOnHidden
      content={
        full ? (
          <EmojiPicker onPick={pick} />
        ) : (
          <div className="msg-emoji-palette emoji-quick" data-testid="emoji-palette">
            {QUICK_EMOJI.map((e) => (
              <button key={e} type="button" className="msg-emoji" onClick={() => pick(e)} data-testid={`emoji-${e}`}>
                {e}
              </button>
            ))}
            <Tooltip title={t('emoji.more')}>
              <button
                type="button"
                className="msg-emoji"
                aria-label={t('emoji.more')}
                onClick={() => setFull(true)}
                data-testid="emoji-more"
              >
                <PlusOutlined />
              </button>
            </Tooltip>
          </div>
        )
      }
    >
      {/* Its tooltip would sit over the open palette's last row. */}
      <Tooltip title={t('message.react')} open={open ? false : undefined}>
        <Button type="text" size="small" icon={<SmileOutlined />} aria-label={t('message.react')} data-testid={props.testId} />
      </Tooltip>
    </Popover>
  );
}

/** The reactions under a message: emoji, count, mine highlighted; hovering names who reacted. */
export function ReactionBar(props: { message: MessageView; me: string; onToggle: (emoji: string) => void }) {
  const locale = useLocale();
  const people = usePeople([...new Set(props.message.reactions.flatMap((r) => r.userIds))].slice(0, 50));
  if (props.message.reactions.length === 0) return null;
  return (
    <div className="msg-reactions" data-testid="message-reactions">
      {props.message.reactions.map((r) => {
        const mine = (r.userIds as string[]).includes(props.me);
        return (
          <Tooltip key={r.emoji} title={r.userIds.map((id) => nameOf(people.get(id), locale)).join(', ')}>
            <button
              type="button"
              className={mine ? 'msg-reaction mine' : 'msg-reaction'}
              onClick={() => props.onToggle(r.emoji)}
              data-testid={`reaction-${r.emoji}`}
              aria-pressed={mine}
            >
              <span>{r.emoji}</span>
              <span className="msg-reaction-count">{r.count}</span>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}
