import { describe, expect, test } from 'vitest';
import { titleWithCount } from '../components/unread-badge.js';
import { shouldNotify } from './notifications.js';

describe('shouldNotify: the chat level and my do-not-disturb decide', () => {
  test('level "all" notifies for every inbox kind', () => {
    for (const kind of ['direct', 'mention', 'reply'] as const) expect(shouldNotify({ kind, level: 'all', dnd: false })).toBe(true);
  });
  test('level "mentions" notifies only for a mention', () => {
    expect(shouldNotify({ kind: 'mention', level: 'mentions', dnd: false })).toBe(true);
    expect(shouldNotify({ kind: 'direct', level: 'mentions', dnd: false })).toBe(false);
    expect(shouldNotify({ kind: 'reply', level: 'mentions', dnd: false })).toBe(false);
  });
  test('level "nothing" never notifies', () => {
    expect(shouldNotify({ kind: 'mention', level: 'nothing', dnd: false })).toBe(false);
  });
  test('do-not-disturb silences every level, even a mention', () => {
    expect(shouldNotify({ kind: 'mention', level: 'all', dnd: true })).toBe(false);
    expect(shouldNotify({ kind: 'mention', level: 'mentions', dnd: true })).toBe(false);
  });
  test('a chat not in the list yet notifies as "all"', () => {
    expect(shouldNotify({ kind: 'direct', level: undefined, dnd: false })).toBe(true);
  });
});

describe('titleWithCount', () => {
  test('puts the count in front once, and takes it away at zero', () => {
    expect(titleWithCount('Skein', 3)).toBe('(3) Skein');
    expect(titleWithCount('(3) Skein', 4)).toBe('(4) Skein');
    expect(titleWithCount('(4) Skein', 0)).toBe('Skein');
    expect(titleWithCount('Skein', 120)).toBe('(99+) Skein');
    expect(titleWithCount('(99+) Skein', 2)).toBe('(2) Skein');
  });
});
