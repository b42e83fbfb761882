/**
 * Which chat the person is reading right now (open, tab visible, scrolled to the bottom):
 * its new messages are not counted as unread, and it gets marked read instead.
 */
let reading: string | null = null;

export function setReadingChat(chatId: string | null) {
  reading = chatId;
}

export function isReading(chatId: string): boolean {
  return reading === chatId && typeof document !== 'undefined' && document.visibilityState === 'visible';
}
