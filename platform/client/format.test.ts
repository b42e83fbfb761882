import { describe, expect, test } from 'vitest';
import { clockTime, dayLabel, sameDay, shortTime } from './format.js';

// 01:05 UTC is 09:05 in Shanghai and still the previous evening in Chicago.
const handover = '2026-03-14T01:05:00Z';

describe('times in the profile’s zone, whatever the device’s', () => {
  test('a message’s time', () => {
    expect(clockTime(handover, 'en-GB', 'Asia/Shanghai')).toBe('09:05');
    expect(clockTime(handover, 'en-GB', 'America/Chicago')).toBe('20:05');
  });

  test('day dividers and what counts as the same day', () => {
    expect(dayLabel(handover, 'en-GB', 'Asia/Shanghai')).toBe('14 Mar 2026');
    expect(dayLabel(handover, 'en-GB', 'America/Chicago')).toBe('13 Mar 2026');
    const evening = '2026-03-13T15:00:00Z'; // 23:00 in Shanghai on the 13th
    expect(sameDay(evening, handover, 'Asia/Shanghai')).toBe(false);
    expect(sameDay(evening, handover, 'America/Chicago')).toBe(true);
  });

  test('chat lists show a time for today in the zone, a weekday earlier', () => {
    const now = new Date('2026-03-14T03:00:00Z'); // 11:00 on the 14th in Shanghai, 22:00 on the 13th in Chicago
    expect(shortTime(handover, 'en-GB', now, 'Asia/Shanghai')).toBe('09:05');
    expect(shortTime('2026-03-13T12:00:00Z', 'en-GB', now, 'Asia/Shanghai')).toBe('Fri');
    expect(shortTime('2026-03-13T12:00:00Z', 'en-GB', now, 'America/Chicago')).toBe('07:00');
    expect(shortTime('2025-12-01T12:00:00Z', 'en-GB', now, 'Asia/Shanghai')).toBe('01/12/2025');
  });
});
