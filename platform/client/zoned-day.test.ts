import { expect, test } from 'vitest';
import { nextDay, startOfDayIn } from './zoned-day.js';

test('a day starts at local midnight of the given zone, whatever the device zone', () => {
  expect(startOfDayIn('2026-12-02', 'Asia/Shanghai')).toBe('2026-12-01T16:00:00.000Z');
  expect(startOfDayIn('2026-12-02', 'Asia/Tokyo')).toBe('2026-12-01T15:00:00.000Z');
  expect(startOfDayIn('2026-12-02', 'UTC')).toBe('2026-12-02T00:00:00.000Z');
  expect(startOfDayIn('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
  expect(startOfDayIn('2026-12-02', 'America/Los_Angeles')).toBe('2026-12-02T08:00:00.000Z');
});

test('days next to a daylight-saving change', () => {
  // Berlin moves to summer time at 02:00 on 29 March 2026: that day still starts at 23:00 UTC.
  expect(startOfDayIn('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
  expect(startOfDayIn('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  expect(nextDay('2026-12-31')).toBe('2027-01-01');
  expect(nextDay('2028-02-28')).toBe('2028-02-29');
});
