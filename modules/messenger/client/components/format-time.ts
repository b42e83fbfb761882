/** "14:05" today, "Mon" this week, "3/14" this year, "2024/3/14" before, in the reader's language. */
export function shortTime(iso: string | null | undefined, locale: string, now = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  const days = (now.getTime() - d.getTime()) / 86_400_000;
  try {
    if (d.toDateString() === now.toDateString()) return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(d);
    if (days < 6) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(d);
    if (d.getFullYear() === now.getFullYear())
      return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' }).format(d);
    return new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(d);
  } catch {
    return d.toLocaleDateString();
  }
}

/** The time of a message, hours and minutes. */
export function clockTime(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleTimeString();
  }
}

/** A day divider in a conversation. */
export function dayLabel(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleDateString();
  }
}
