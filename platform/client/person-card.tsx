import { Avatar } from 'antd';
import { createContext, type CSSProperties, useContext } from 'react';
import { initialsFor, type NamedPerson } from '../shared/person-name.js';
import { useLocale } from './i18n.js';

/** Opens a person's contact card from anywhere; the org module provides the card itself. */
const PersonCardContext = createContext<(userId: string) => void>(() => {});

export const PersonCardProvider = PersonCardContext.Provider;

/** The function that opens a contact card (a no-op outside the signed-in layout). */
export function useOpenPersonCard(): (userId: string) => void {
  return useContext(PersonCardContext);
}

const COLORS = ['#1677ff', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#2f54eb', '#fa541c'];

/** Initials from a name alone, when the person is not at hand (see initialsFor for the rule). */
export function initialsOf(name: string): string {
  return initialsFor({ displayName: name, names: {} }, 'en-US');
}

function colorOf(id: string): string {
  // FNV-1a: ids share long time prefixes, so a weak hash would paint everybody alike.
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return COLORS[h % COLORS.length];
}

/**
 * A person's face (or initials); clicking it opens their contact card unless `static` is set.
 * Pass `person` where it is known: initials need more than the name shown (佐藤健 is Japanese,
 * so 佐藤, which a name alone cannot tell).
 */
export function PersonAvatar(props: {
  userId: string;
  name: string;
  person?: NamedPerson | null;
  avatarUrl?: string | null;
  size?: number;
  static?: boolean;
  style?: CSSProperties;
}) {
  const open = useOpenPersonCard();
  const locale = useLocale();
  const { userId, name, avatarUrl, size = 36 } = props;
  const avatar = (
    <Avatar
      src={avatarUrl ?? undefined}
      size={size}
      alt={name}
      style={{ backgroundColor: avatarUrl ? undefined : colorOf(userId), flexShrink: 0, fontSize: size * 0.36, ...props.style }}
    >
      {props.person ? initialsFor(props.person, locale) : initialsOf(name)}
    </Avatar>
  );
  if (props.static) return avatar;
  return (
    <button
      type="button"
      className="skein-avatar-button"
      aria-label={name}
      data-testid={`avatar-${userId}`}
      onClick={(e) => {
        e.stopPropagation();
        open(userId);
      }}
    >
      {avatar}
    </button>
  );
}
