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

  test('a bare www. host is a link to https, but not inside a word, an address or a path', () => {
    expect(textSegments('see www.skein.dev/docs.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://www.skein.dev/docs', text: 'www.skein.dev/docs' },
      { type: 'text', text: '.' },
    ]);
    for (const plain of ['awww.nice.one', 'bob@www.skein.dev', 'x/www.a.b', 'www.', 'www.localhost']) {
      expect(textSegments(plain).every((s) => s.type === 'text')).toBe(true);
    }
  });

  test('hostile schemes and look-alikes stay text; only http(s) hrefs come out', () => {
    const hostile = [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'java\tscript:alert(1)',
      'wwwjavascript:alert(1)',
    ];
    for (const h of hostile) expect(textSegments(h).filter((s) => s.type === 'link')).toEqual([]);
    const links = textSegments('https://a.io/"onmouseover="x <b>https://b.io</b>').filter((s) => s.type === 'link');
    expect(links.map((l) => (l.type === 'link' ? l.href : ''))).toEqual(['https://a.io/', 'https://b.io']);
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
