import { describe, expect, test } from 'vitest';
import { buildSortName } from './search-text.js';

const sorted = (people: { displayName: string; names?: Record<string, string> }[]) =>
  people
    .map((p) => ({ name: p.displayName, key: buildSortName({ displayName: p.displayName, names: p.names ?? {} }) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.name);

describe('the directory’s sort order', () => {
  test('Chinese names by pinyin, not by code point', () => {
    // Code point order would be 叶 (U+53F6), 吴 (U+5434), 周 (U+5468).
    expect(sorted([{ displayName: '叶晴' }, { displayName: '吴刚' }, { displayName: '周杰' }])).toEqual(['吴刚', '叶晴', '周杰']);
  });

  test('Japanese names by their kana reading, Latin names alphabetically, all in one order', () => {
    expect(
      sorted([
        { displayName: '佐藤健', names: { 'ja-JP': 'さとう けん' } }, // sato
        { displayName: 'Émile Zola' },
        { displayName: '安娜·施密特' }, // an na
        { displayName: 'Bob Tanaka' },
        { displayName: '田中美咲', names: { 'ja-JP': 'たなか みさき' } }, // tanaka
        { displayName: '李娜' }, // li na
      ]),
    ).toEqual(['安娜·施密特', 'Bob Tanaka', 'Émile Zola', '李娜', '佐藤健', '田中美咲']);
  });

  test('keys are plain lower-case letters', () => {
    expect(buildSortName({ displayName: '陈建国', names: {} })).toBe('chen jian guo');
    expect(buildSortName({ displayName: 'Jürgen Weiß', names: {} })).toBe('jurgen weiß');
  });
});
