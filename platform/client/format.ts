/** Date and time in the reader's language and time zone (falls back to the device's zone). */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '—';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleString(locale);
  }
}

/** The wall-clock time somewhere else right now, for "it is 09:30 in Tokyo" on contact cards. */
export function localTimeIn(timeZone: string, locale: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return '';
  }
}

/** The device's time zone: the default on forms where people pick theirs. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
