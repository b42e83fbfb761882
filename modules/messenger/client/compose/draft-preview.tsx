import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from './drafts.js';
import { mentionsToDisplay } from './text-segments.js';
import './compose.css';

/** A chat row's preview: "[Draft] …" when I left unsent text in the chat, else `children` (the last message). */
export function DraftPreview({ chatId, children }: { chatId: string; children: ReactNode }) {
  const { t } = useTranslation('messenger');
  const draft = useDraft(chatId);
  if (!draft) return children;
  return (
    <span className="msg-chat-preview" data-testid="chat-row-draft">
      <span className="msg-draft-tag">{t('list.draft')}</span>
      {mentionsToDisplay(draft).replace(/\s+/g, ' ')}
    </span>
  );
}
