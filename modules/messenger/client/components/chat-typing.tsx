import { useLocale } from '../../../../platform/client/i18n.js';
import { TypingLine } from '../../../../platform/client/presence/typing-indicator.js';
import { useTypers } from '../../../../platform/client/presence/typing.js';
import type { ChatEvent } from '../../shared/types.js';
import { nameOf, usePeople } from '../data/people.js';

/** A typist's message arriving ends their "typing…" at once. */
function stoppedBy(data: unknown): string | null {
  const event = data as ChatEvent;
  return event.type === 'message.created' ? event.message.senderId : null;
}

/** Who is typing in the open chat, under its history. */
export function ChatTyping({ chatId, me }: { chatId: string; me: string }) {
  const locale = useLocale();
  const typers = useTypers(`chat:${chatId}`, me, stoppedBy);
  const people = usePeople(typers);
  return <TypingLine names={typers.map((id) => nameOf(people.get(id), locale, ''))} />;
}
