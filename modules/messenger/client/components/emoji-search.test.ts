import en from 'emojibase-data/en/compact.json' with { type: 'json' };
import ja from 'emojibase-data/ja/compact.json' with { type: 'json' };
import zh from 'emojibase-data/zh/compact.json' with { type: 'json' };
import { describe, expect, test } from 'vitest';
import { searchEmoji, toPickerEmoji } from './emoji-search.js';

const found = (set: ReturnType<typeof toPickerEmoji>, q: string) => searchEmoji(set, q).map((e) => e.emoji);

describe('emoji search', () => {
  test('English: "smile" finds smiling faces first, never a skin-tone part', () => {
    const set = toPickerEmoji(en);
    const hits = found(set, 'smile');
    expect(hits.slice(0, 3)).toEqual(expect.arrayContaining(['😄']));
    expect(hits).toContain('😊');
    expect(hits).not.toContain('🏻');
    expect(found(set, '  FLAMINGO ')).toEqual(['🦩']);
  });

  test('Chinese readers search in Chinese and still in English', () => {
    const set = toPickerEmoji(en, zh);
    expect(found(set, '笑')).toEqual(expect.arrayContaining(['😂', '😄']));
    expect(found(set, 'smile')).toContain('😄');
    expect(set.find((e) => e.emoji === '😂')?.label).toMatch(/笑/);
  });

  test('Japanese readers search in Japanese', () => {
    const set = toPickerEmoji(en, ja);
    expect(found(set, '笑')).toContain('😂');
    expect(found(set, 'ねこ').length + found(set, '猫').length).toBeGreaterThan(0);
  });

  test('nothing for an empty query or nonsense', () => {
    const set = toPickerEmoji(en);
    expect(found(set, '   ')).toEqual([]);
    expect(found(set, 'qzxqzx')).toEqual([]);
  });
});
