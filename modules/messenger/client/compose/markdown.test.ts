import { describe, expect, test } from 'vitest';
import { postContent } from '../../shared/message-types.js';
import { composeMessage, markdownToPost, parseInline } from './markdown.js';

const ADA = 'usr_01HZY3Q5W6X7Y8Z9A0B1C2D3E4';

describe('inline markup', () => {
  test('bold, italic and inline code become styled runs', () => {
    expect(parseInline('a **b** *c* `d` _e_')).toEqual([
      { tag: 'text', text: 'a ' },
      { tag: 'text', text: 'b', style: ['bold'] },
      { tag: 'text', text: ' ' },
      { tag: 'text', text: 'c', style: ['italic'] },
      { tag: 'text', text: ' ' },
      { tag: 'text', text: 'd', style: ['code'] },
      { tag: 'text', text: ' ' },
      { tag: 'text', text: 'e', style: ['italic'] },
    ]);
  });

  test('styles nest, and code inside bold keeps both', () => {
    expect(parseInline('**bold *both* `x`**')).toEqual([
      { tag: 'text', text: 'bold ', style: ['bold'] },
      { tag: 'text', text: 'both', style: ['bold', 'italic'] },
      { tag: 'text', text: ' ', style: ['bold'] },
      { tag: 'text', text: 'x', style: ['bold', 'code'] },
    ]);
  });

  test('markup inside inline code stays literal', () => {
    expect(parseInline('`**not bold**`')).toEqual([{ tag: 'text', text: '**not bold**', style: ['code'] }]);
  });

  test('unclosed markers, snake_case and lone asterisks are plain text', () => {
    expect(parseInline('2 * 3 = 6, **open, snake_case_name, `tick')).toEqual([
      { tag: 'text', text: '2 * 3 = 6, **open, snake_case_name, `tick' },
    ]);
  });

  test('markdown links and bare links; only http(s) and mailto are links', () => {
    expect(parseInline('see [docs](https://skein.dev/a?b=1) or https://x.io/p. [bad](javascript:alert(1))')).toEqual([
      { tag: 'text', text: 'see ' },
      { tag: 'a', text: 'docs', href: 'https://skein.dev/a?b=1' },
      { tag: 'text', text: ' or ' },
      { tag: 'a', text: 'https://x.io/p', href: 'https://x.io/p' },
      { tag: 'text', text: '. [bad](javascript:alert(1))' },
    ]);
  });

  test('a bare www. host links to https; hostile link targets stay text', () => {
    expect(parseInline('go to www.skein.dev, or **www.x.io**')).toEqual([
      { tag: 'text', text: 'go to ' },
      { tag: 'a', text: 'www.skein.dev', href: 'https://www.skein.dev' },
      { tag: 'text', text: ', or ' },
      { tag: 'a', text: 'www.x.io', href: 'https://www.x.io', style: ['bold'] },
    ]);
    for (const bad of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '[x](vbscript:msgbox)',
      '[x]( javascript:alert(1))',
      '[x](//evil.example)',
      'mail@www.skein.dev',
    ]) {
      expect(parseInline(bad).filter((e) => e.tag === 'a')).toEqual([]);
    }
    // The server's schema (the sanitizer) agrees: a hostile href is refused outright.
    const hostile = { content: [[{ tag: 'a', text: 'x', href: 'javascript:alert(1)' }]] };
    expect(postContent.safeParse(hostile).success).toBe(false);
  });

  test('mentions from the composer become at elements', () => {
    expect(parseInline(`hi <at user_id="${ADA}">Ada</at> and <at user_id="all">All</at>`)).toEqual([
      { tag: 'text', text: 'hi ' },
      { tag: 'at', user_id: ADA, user_name: 'Ada' },
      { tag: 'text', text: ' and ' },
      { tag: 'at', user_id: 'all', user_name: 'All' },
    ]);
  });

  test('HTML is just text', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ tag: 'text', text: '<script>alert(1)</script>' }]);
  });
});

describe('blocks', () => {
  test('lines, lists, code blocks and rules', () => {
    const post = markdownToPost(
      ['Plan:', '- **one**', '- two', '', '1. first', '2. second', '```ts', 'const a = 1;', '  **x**', '```', '---', 'end'].join(
        '\n',
      ),
    );
    expect(post.content).toEqual([
      [{ tag: 'text', text: 'Plan:' }],
      { tag: 'list', ordered: false, items: [[{ tag: 'text', text: 'one', style: ['bold'] }], [{ tag: 'text', text: 'two' }]] },
      [],
      { tag: 'list', ordered: true, items: [[{ tag: 'text', text: 'first' }], [{ tag: 'text', text: 'second' }]] },
      { tag: 'code_block', language: 'ts', text: 'const a = 1;\n  **x**' },
      { tag: 'hr' },
      [{ tag: 'text', text: 'end' }],
    ]);
    expect(postContent.safeParse(post).success).toBe(true);
  });

  test('an unclosed fence is plain text', () => {
    expect(markdownToPost('```\ncode').content).toEqual([[{ tag: 'text', text: '```' }], [{ tag: 'text', text: 'code' }]]);
  });
});

describe('what the composer sends', () => {
  test('plain text (with mentions and bare links) stays a text message', () => {
    const text = `hello <at user_id="${ADA}">Ada</at>, see https://skein.dev or www.skein.dev`;
    expect(composeMessage(`  ${text}\n`)).toEqual({ kind: 'text', content: { text } });
  });

  test('any markup makes a post the server accepts', () => {
    const sent = composeMessage('**ship it** with `npm start`');
    expect(sent.kind).toBe('post');
    expect(postContent.safeParse(sent.content).success).toBe(true);
  });
});
