import { describe, expect, test } from 'vitest';
import { postContent } from '../../shared/message-types.js';
import { editDraft, editedContent } from './edit-source.js';
import { markdownToPost, type PostContent } from './markdown.js';
import { postMentions, postToMarkdown } from './post-to-markdown.js';

const ADA = 'usr_01HZY3Q5W6X7Y8Z9A0B1C2D3E4';
const ALL = 'all';

/** Sources the composer writes, in the form postToMarkdown gives back: source → post → source is the identity. */
const CANONICAL = [
  '**bold** and *italic* and `code`',
  'a **b** *c* `d`',
  '**bold *both* `x`**',
  '*a **b** c*',
  'see [docs](https://skein.dev/a?b=1) or https://x.io/p. ok',
  '**[bold link](https://skein.dev)** after',
  `hi <at user_id="${ADA}">Ada</at>, **please** review`,
  `**ping <at user_id="${ALL}">Everyone</at> now**`,
  '2 * 3 = 6 and snake_case_name stay literal',
  ['Plan:', '- **one**', '- two', '', '1. first', '2. *second*', '```ts', 'const a = 1;', '  **x**', '```', '---', 'end'].join(
    '\n',
  ),
  ['```', '```'].join('\n'),
  'line one\n\nline three',
  '中文 **加粗** 和 *斜体*，见 https://skein.dev/文档',
  '日本語の**太字**と`コード`',
  'mail [me](mailto:a@b.co)',
];

describe('post → source', () => {
  test.each(CANONICAL)('round-trips %j', (src) => {
    const post = markdownToPost(src);
    expect(postContent.safeParse(post).success).toBe(true);
    expect(postToMarkdown(post)).toBe(src);
  });

  test('bold and italic on the same words stay apart from each other', () => {
    const post: PostContent = {
      content: [
        [
          { tag: 'text', text: 'x ' },
          { tag: 'text', text: 'both', style: ['bold', 'italic'] },
          { tag: 'text', text: ' y' },
        ],
      ],
    };
    const src = postToMarkdown(post);
    expect(src).toBe('x **_both_** y');
    expect(markdownToPost(src)).toEqual(post);
  });

  test('a bare link next to text that would extend it is written as [text](href)', () => {
    const post: PostContent = {
      content: [
        [
          { tag: 'a', text: 'https://a.io', href: 'https://a.io' },
          { tag: 'a', text: 'https://b.io', href: 'https://b.io' },
          { tag: 'text', text: 'x' },
        ],
      ],
    };
    expect(markdownToPost(postToMarkdown(post))).toEqual(post);
  });

  test('styles the composer cannot write are dropped, the words stay', () => {
    const post: PostContent = {
      content: [
        [
          { tag: 'text', text: 'under', style: ['underline'] },
          { tag: 'text', text: ' ' },
          { tag: 'emotion', emoji_type: 'SMILE' },
        ],
      ],
    };
    expect(postToMarkdown(post)).toBe('under :SMILE:');
  });

  test('mentions come back as the picked list', () => {
    const post = markdownToPost(`- <at user_id="${ADA}">Ada</at> and <at user_id="all">All</at>`);
    expect(postMentions(post)).toEqual([
      { userId: ADA, name: 'Ada' },
      { userId: 'all', name: 'All' },
    ]);
  });
});

/** A small deterministic generator (no extra packages): mulberry32. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['alpha', 'beta', '进度', 'テスト', 'x', '42', 'a_b', '2 * 3', 'end.'];
function fragment(r: () => number, depth = 0): string {
  const w = () => WORDS[Math.floor(r() * WORDS.length)];
  const k = Math.floor(r() * (depth > 1 ? 3 : 8));
  if (k === 0 || k === 1 || k === 2) return w();
  if (k === 3) return `**${w()} ${fragment(r, depth + 1)}**`;
  if (k === 4) return `*${w()} ${fragment(r, depth + 1)}*`;
  if (k === 5) return `\`${w()}\``;
  if (k === 6) return r() < 0.5 ? `[${w()}](https://skein.dev/${w().replace(/\W/g, '')})` : 'https://skein.dev/p';
  return `<at user_id="${ADA}">Ada</at>`;
}
function line(r: () => number): string {
  const n = 1 + Math.floor(r() * 5);
  const row = Array.from({ length: n }, () => fragment(r)).join(' ');
  const k = r();
  if (k < 0.15) return `- ${row}`;
  if (k < 0.25) return `1. ${row}`;
  if (k < 0.3) return '```\ncode **not bold**\n```';
  return row;
}

describe('round-trip property', () => {
  test('for 500 generated sources, post → source → post gives the same post, and the source is then stable', () => {
    const r = rng(20261121);
    for (let i = 0; i < 500; i++) {
      const src = Array.from({ length: 1 + Math.floor(r() * 4) }, () => line(r)).join('\n');
      const post = markdownToPost(src);
      const back = postToMarkdown(post);
      expect(markdownToPost(back), `source: ${JSON.stringify(src)}\nback: ${JSON.stringify(back)}`).toEqual(post);
      expect(postToMarkdown(markdownToPost(back))).toBe(back);
    }
  });
});

describe('editing', () => {
  test('a rich message opens with its markup and mentions as @Name, and saves back to the same post', () => {
    const post = markdownToPost(`**Ship** it, <at user_id="${ADA}">Ada</at>:\n- \`npm start\``);
    const draft = editDraft({ kind: 'post', content: post, text: '' });
    expect(draft.text).toBe('**Ship** it, @Ada:\n- `npm start`');
    expect(editedContent(draft, draft.text)).toEqual(post);
    expect(editedContent(draft, draft.text.replace('Ship', 'Shipped'))).toEqual(
      markdownToPost(`**Shipped** it, <at user_id="${ADA}">Ada</at>:\n- \`npm start\``),
    );
  });

  test('a text message stays text, with its mentions', () => {
    const draft = editDraft({ kind: 'text', content: { text: `hi <at user_id="${ADA}">Ada</at>` }, text: '' });
    expect(draft.text).toBe('hi @Ada');
    expect(editedContent(draft, 'hi @Ada **again**')).toEqual({ text: `hi <at user_id="${ADA}">Ada</at> **again**` });
  });

  test('a post without markup after the edit is still a post; its title is kept', () => {
    const draft = editDraft({
      kind: 'post',
      content: { title: 'T', content: [[{ tag: 'text', text: 'a', style: ['bold'] }]] },
      text: '',
    });
    expect(editedContent(draft, 'plain')).toEqual({ title: 'T', content: [[{ tag: 'text', text: 'plain' }]] });
  });
});
