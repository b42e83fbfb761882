import { SmileOutlined } from '@ant-design/icons';
import { Button, Popover, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmojiPicker } from './emoji-picker.js';

/** The composer's emoji button: opens the full picker; each pick goes in at the cursor and the picker closes. */
export function EmojiButton(props: { onPick: (emoji: string) => void }) {
  const { t } = useTranslation('messenger');
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="top"
      destroyOnHidden
      content={
        <EmojiPicker
          onPick={(e) => {
            setOpen(false);
            props.onPick(e);
          }}
        />
      }
    >
      <Tooltip title={t('emoji.insert')} open={open ? false : undefined}>
        <Button type="text" icon={<SmileOutlined />} aria-label={t('emoji.insert')} data-testid="composer-emoji" />
      </Tooltip>
    </Popover>
  );
}

/** The text with the emoji in place of the selection (or at the caret); where the caret goes after it. */
export function insertAtCursor(text: string, emoji: string, start = text.length, end = start) {
  const next = text.slice(0, start) + emoji + text.slice(end);
  return { next, caret: start + emoji.length };
}
