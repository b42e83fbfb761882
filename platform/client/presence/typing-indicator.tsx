import { useTranslation } from 'react-i18next';

/**
 * "Alice is typing…", "Alice and Bob are typing…", "Alice and 2 others are typing…" (names as
 * the reader sees them; empty ones read "Someone"). An empty line of the same height when
 * nobody types, so the conversation does not jump.
 */
export function TypingLine({ names }: { names: string[] }) {
  const { t } = useTranslation('presence');
  const shown = names.map((n) => n || t('typing.someone'));
  const text =
    shown.length === 0
      ? ''
      : shown.length === 1
        ? t('typing.one', { name: shown[0] })
        : shown.length === 2
          ? t('typing.two', { first: shown[0], second: shown[1] })
          : t('typing.many', { name: shown[0], count: shown.length - 1 });
  return (
    <div
      aria-live="polite"
      data-testid="typing-indicator"
      style={{
        minHeight: 20,
        padding: '0 16px',
        fontSize: 12,
        lineHeight: '20px',
        color: 'var(--ant-color-text-tertiary)',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      {text}
    </div>
  );
}
