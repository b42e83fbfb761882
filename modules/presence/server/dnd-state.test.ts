import { describe, expect, test } from 'vitest';
import { dndState } from './dnd-state.js';

const at = (iso: string) => Date.parse(iso);
const night = { start: '22:00', end: '08:00' };

describe('do not disturb', () => {
  test('a schedule across midnight holds at night in the person’s zone and ends at 08:00 there', () => {
    // 23:30 in Shanghai (UTC+8) is 15:30 UTC.
    const s = dndState({ on: false, until: null, schedule: night }, 'Asia/Shanghai', at('2026-12-02T15:30:00Z'));
    expect(s).toEqual({ dnd: true, until: at('2026-12-03T00:00:00Z'), changesAt: at('2026-12-03T00:00:00Z') });
  });

  test('outside the schedule it is off, and says when it starts', () => {
    // 09:00 in Berlin (UTC+1 in December) is 08:00 UTC.
    const s = dndState({ on: false, until: null, schedule: night }, 'Europe/Berlin', at('2026-12-02T08:00:00Z'));
    expect(s).toEqual({ dnd: false, until: null, changesAt: at('2026-12-02T21:00:00Z') });
  });

  test('by hand until a time, until switched off, or lapsed', () => {
    const now = at('2026-12-02T10:00:00Z');
    expect(dndState({ on: true, until: now + 60_000, schedule: null }, 'UTC', now)).toEqual({
      dnd: true,
      until: now + 60_000,
      changesAt: now + 60_000,
    });
    expect(dndState({ on: true, until: null, schedule: null }, 'UTC', now)).toEqual({ dnd: true, until: null, changesAt: null });
    expect(dndState({ on: true, until: now - 1, schedule: null }, 'UTC', now).dnd).toBe(false);
    expect(dndState(undefined, 'UTC', now)).toEqual({ dnd: false, until: null, changesAt: null });
  });

  test('a day-time schedule (13:00–14:00) and an empty one (start = end)', () => {
    const lunch = { start: '13:00', end: '14:00' };
    expect(dndState({ on: false, until: null, schedule: lunch }, 'UTC', at('2026-12-02T13:59:00Z')).dnd).toBe(true);
    expect(dndState({ on: false, until: null, schedule: lunch }, 'UTC', at('2026-12-02T14:00:00Z')).dnd).toBe(false);
    expect(
      dndState({ on: false, until: null, schedule: { start: '09:00', end: '09:00' } }, 'UTC', at('2026-12-02T09:00:00Z')),
    ).toEqual({
      dnd: false,
      until: null,
      changesAt: null,
    });
  });
});
