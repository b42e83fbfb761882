import { describe, expect, test } from 'vitest';
import { applyMentions, atTag, mentionsToDisplay, textSegments } from './text-segments.js';

const ADA = 'usr_01HZY3Q5W6X7Y8Z9A0B1C2D3E4';

describe('text messages as the reader sees them', () => {
  test('mentions and links are separate segments; punctuation after a link is not part of it', () => {
    expect(textSegments(`<at user_id="${ADA}">Ada</at> look: https://a.io/x, ok`)).toEqual([
      { type: 'at', userId: ADA, name: 'Ada' },
      { type: 'text', text: ' look: ' },
      { type: 'link', href: 'https://a.io/x', text: 'https://a.io/x' },
      { type: 'text', text: ', ok' },
    ]);
  });

  test('a javascript: URL is never a link', () => {
    expect(textSegments('javascript:alert(1)')).toEqual([{ type: 'text', text: 'javascript:alert(1)' }]);
  });
});

describe('the composer turns picked people into mentions', () => {
  test('@Name of a picked person becomes an <at> tag, longest name first', () => {
    const picked = [
      { userId: ADA, name: 'Ada' },
      { userId: 'all', name: 'Ada Lovelace' },
    ];
    expect(applyMentions('@Ada Lovelace and @Ada, not @Bob', picked)).toBe(
      `${atTag('all', 'Ada Lovelace')} and ${atTag(ADA, 'Ada')}, not @Bob`,
    );
  });

  test('round trip to the textarea', () => {
    expect(mentionsToDisplay(`hi ${atTag(ADA, 'Ada')}`)).toBe('hi @Ada');
  });
});
