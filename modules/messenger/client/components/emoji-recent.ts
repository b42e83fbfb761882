// Recently used emoji live in this browser only: they are a convenience, not data worth a server round trip.
const KEY = 'skein.emoji.recent';
const MAX = 24;

export function recentEmoji(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberEmoji(emoji: string) {
  try {
    localStorage.setItem(KEY, JSON.stringify([emoji, ...recentEmoji().filter((e) => e !== emoji)].slice(0, MAX)));
  } catch {
    // Private mode or a full store: the picker still works, it just forgets.
  }
}
