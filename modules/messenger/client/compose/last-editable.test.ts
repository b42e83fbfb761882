import { describe, expect, test } from 'vitest';
import { lastEditable } from './last-editable.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const HOUR = 3_600_000;
const msg = (
  id: string,
  senderId: string,
  minutesAgo: number,
  extra: Partial<{ kind: string; recalled: boolean; threadRootId: string }> = {},
) => ({
  id,
  senderId,
  kind: extra.kind ?? 'text',
  recalled: extra.recalled ?? false,
  threadRootId: extra.threadRootId ?? null,
  createdAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
});

describe('↑ edits my last message', () => {
  test('my newest message in words, skipping others’ messages, my images, recalled ones and thread replies', () => {
    const items = [
      msg('old', 'me', 50),
      msg('mine', 'me', 40, { kind: 'post' }),
      msg('gone', 'me', 30, { recalled: true }),
      msg('pic', 'me', 20, { kind: 'image' }),
      msg('reply', 'me', 15, { threadRootId: 'x' }),
      msg('theirs', 'you', 10),
    ];
    expect(lastEditable(items, 'me', 24 * HOUR, NOW)?.id).toBe('mine');
  });

  test('nothing once the edit window has passed, or when I have not written', () => {
    expect(lastEditable([msg('a', 'me', 90)], 'me', HOUR, NOW)).toBeNull();
    expect(lastEditable([msg('a', 'you', 1)], 'me', HOUR, NOW)).toBeNull();
    expect(lastEditable([msg('a', 'me', 1)], 'me', 0, NOW)).toBeNull();
  });
});
