import { profileTimeZone } from './time-zone.js';

/*
 * Every date and time the UI shows goes through these helpers, in the reader's language and the
 * profile's time zone (see time-zone.ts); `timeZone` overrides it where another zone is meant.
 */

function format(iso: string | Date, locale: string, options: Intl.DateTimeFormatOptions, timeZone = profileTimeZone()) {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(d);
  } catch {
    // An unknown zone or locale: the device's formatting beats no time at all.
    return d.toLocaleString();
  }
}

/** Date and time: "Mar 14, 2026, 9:05 AM". */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone = profileTimeZone()): string {
  if (!iso) return '—';
  return format(iso, locale, { dateStyle: 'medium', timeStyle: 'short' }, timeZone);
}

/** Hours and minutes, for a message. */
export function clockTime(iso: string, locale: string, timeZone = profileTimeZone()): string {
  return format(iso, locale, { timeStyle: 'short' }, timeZone);
}

/** A day, for a divider in a conversation. */
export function dayLabel(iso: string, locale: string, timeZone = profileTimeZone()): string {
  return format(iso, locale, { dateStyle: 'medium' }, timeZone);
}

/** The calendar day (`2026-03-14`) an instant falls on in a zone. */
export function dayIn(iso: string | Date, timeZone = profileTimeZone()): string {
  return format(iso, 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone);
}

/** Whether two instants fall on the same calendar day in the zone. */
export function sameDay(a: string, b: string, timeZone = profileTimeZone()): boolean {
  return dayIn(a, timeZone) === dayIn(b, timeZone);
}

/** "14:05" today, "Mon" this week, "3/14" this year, "2024/3/14" before: lists of chats and mentions. */
export function shortTime(
  iso: string | null | undefined,
  locale: string,
  now = new Date(),
  timeZone = profileTimeZone(),
): string {
  if (!iso) return '';
  const days = (now.getTime() - Date.parse(iso)) / 86_400_000;
  if (dayIn(iso, timeZone) === dayIn(now, timeZone)) return format(iso, locale, { timeStyle: 'short' }, timeZone);
  if (days < 6) return format(iso, locale, { weekday: 'short' }, timeZone);
  if (dayIn(iso, timeZone).slice(0, 4) === dayIn(now, timeZone).slice(0, 4))
    return format(iso, locale, { month: 'numeric', day: 'numeric' }, timeZone);
  return format(iso, locale, { dateStyle: 'short' }, timeZone);
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
