import { describe, expect, test } from 'vitest';
import { displayNameFor, initialsFor, type NamedPerson } from './person-name.js';

const person = (displayName: string, names: NamedPerson['names'] = {}): NamedPerson => ({ displayName, names });
const naLi = person('李娜', { 'en-US': 'Na Li' });
const kenSato = person('佐藤健', { 'ja-JP': 'さとう けん', 'en-US': 'Ken Sato' });
const anna = person('Anna Schmidt', { 'zh-CN': '安娜·施密特' });

describe('the name a viewer sees', () => {
  test('their name in the viewer’s language, else the display name', () => {
    expect(displayNameFor(naLi, 'en-US')).toBe('Na Li');
    expect(displayNameFor(naLi, 'zh-CN')).toBe('李娜');
    expect(displayNameFor(naLi, 'ja-JP')).toBe('李娜');
    expect(displayNameFor(anna, 'zh-CN')).toBe('安娜·施密特');
  });

  test('a kana reading is not shown in place of the kanji name', () => {
    expect(displayNameFor(kenSato, 'ja-JP')).toBe('佐藤健');
    expect(displayNameFor(person('さくら'), 'ja-JP')).toBe('さくら');
    expect(displayNameFor(person('Sakura Ito', { 'ja-JP': 'いとう さくら' }), 'ja-JP')).toBe('いとう さくら');
  });
});

describe('avatar initials', () => {
  test('Chinese names show the given name', () => {
    expect(initialsFor(person('张伟明'), 'zh-CN')).toBe('伟明');
    expect(initialsFor(person('欧阳娜娜'), 'zh-CN')).toBe('娜娜');
    expect(initialsFor(naLi, 'zh-CN')).toBe('李娜');
    expect(initialsFor(person('张 伟'), 'zh-CN')).toBe('伟');
  });

  test('foreign names written in Chinese show their first part, not the last two characters', () => {
    expect(initialsFor(anna, 'zh-CN')).toBe('安娜');
  });

  test('Japanese names show the family name', () => {
    expect(initialsFor(kenSato, 'zh-CN')).toBe('佐藤');
    expect(initialsFor(kenSato, 'ja-JP')).toBe('佐藤');
    expect(initialsFor(person('佐々木 希', { 'ja-JP': 'ささき のぞみ' }), 'ja-JP')).toBe('佐々木');
  });

  test('Latin names show two initials, in whichever language they are shown', () => {
    expect(initialsFor(naLi, 'en-US')).toBe('NL');
    expect(initialsFor(kenSato, 'en-US')).toBe('KS');
    expect(initialsFor(person('Ada'), 'en-US')).toBe('AD');
    expect(initialsFor(person('  '), 'en-US')).toBe('?');
  });
});
