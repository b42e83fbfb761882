import type { TFunction } from 'i18next';
import { mentionsToDisplay } from '../compose/text-segments.js';

/** One line for a chat list row or a quote: kind placeholders, "message recalled", else the text. */
export function previewText(m: { kind: string; text: string; recalled: boolean }, t: TFunction): string {
  if (m.recalled) return t('messenger:preview.recalled');
  if (m.kind === 'image') return t('messenger:preview.image');
  if (m.kind === 'file') return t('messenger:preview.file');
  // A system line's text is its event name; the chat list says only that the group changed.
  if (m.kind === 'system') return t('messenger:system.generic');
  const text = mentionsToDisplay(m.text).replace(/\s+/g, ' ').trim();
  return text || t('messenger:preview.unknown');
}
