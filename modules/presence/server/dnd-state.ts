/** A person's stored do-not-disturb, as the pure rule below needs it. */
export interface DndSetting {
  on: boolean;
  /** UTC ms; null: until switched off. */
  until: number | null;
  schedule: { start: string; end: string } | null;
}

export interface DndState {
  dnd: boolean;
  /** When the current do-not-disturb ends by itself (null when off, or until switched off). */
  until: number | null;
  /** The next instant the state changes by itself, if any. */
  changesAt: number | null;
}

const DAY_MINUTES = 24 * 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight in `timeZone` (and the ms already past in the current minute). */
function localClock(now: number, timeZone: string): { minute: number; intoMinute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minute: get('hour') * 60 + get('minute'), intoMinute: now % 60_000 };
}

/**
 * Whether a person is in do-not-disturb at `now`: switched on by hand (until a time or until
 * switched off), or inside their daily schedule in their profile's zone. A schedule may cross
 * midnight (22:00–08:00); equal start and end is no schedule. Edges are computed on the local
 * wall clock, so a DST jump shifts an edge by its hour at most, and the reader asks again at
 * `changesAt` anyway.
 */
export function dndState(setting: DndSetting | undefined, timeZone: string, now: number): DndState {
  const ends: number[] = [];
  const changes: number[] = [];
  let dnd = false;
  let endless = false;
  if (setting?.on && (setting.until === null || setting.until > now)) {
    dnd = true;
    if (setting.until === null) endless = true;
    else {
      ends.push(setting.until);
      changes.push(setting.until);
    }
  }
  const schedule = setting?.schedule;
  if (schedule && schedule.start !== schedule.end) {
    const start = minutesOf(schedule.start);
    const end = minutesOf(schedule.end);
    const { minute, intoMinute } = localClock(now, timeZone);
    const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
    const at = (edge: number) => now - intoMinute + (((edge - minute + DAY_MINUTES - 1) % DAY_MINUTES) + 1) * 60_000;
    if (inside) {
      dnd = true;
      ends.push(at(end));
    }
    changes.push(at(inside ? end : start));
  }
  return {
    dnd,
    until: dnd && !endless && ends.length > 0 ? Math.max(...ends) : null,
    changesAt: changes.length > 0 ? Math.min(...changes) : null,
  };
}
