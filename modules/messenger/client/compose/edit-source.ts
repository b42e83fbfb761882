import { type PostContent, markdownToPost } from './markdown.js';
import { postMentions, postToMarkdown } from './post-to-markdown.js';
import { applyMentions, mentionsToDisplay } from './text-segments.js';

/** What the edit box shows for a message, and what it needs to turn the edit back into content. */
export interface EditDraft {
  kind: 'text' | 'post';
  /** The textarea's text: markdown-ish source with mentions shown as "@Name". */
  text: string;
  /** The mentions of the message, so "@Name" becomes a mention again on save. */
  picked: { userId: string; name: string }[];
  /** A post's title, which the composer cannot write: kept as it was. */
  title?: string;
}

const AT = /<at user_id="(all|usr_[0-9A-HJKMNP-TV-Z]{26})">([^<]{0,100})<\/at>/g;

/** A text or post message as the composer source it was (most likely) written from. */
export function editDraft(message: { kind: string; content: unknown; text: string }): EditDraft {
  if (message.kind === 'post' && message.content) {
    const post = message.content as PostContent;
    return { kind: 'post', text: mentionsToDisplay(postToMarkdown(post)), picked: postMentions(post), title: post.title };
  }
  const source = (message.content as { text?: string } | null)?.text ?? message.text;
  const picked = [...source.matchAll(AT)].map((m) => ({ userId: m[1], name: m[2] }));
  return { kind: 'text', text: mentionsToDisplay(source), picked };
}

/**
 * The edited content, in the message's own kind (the server keeps a message's kind): a post
 * stays a post even without markup, a text message keeps markup characters as typed.
 */
export function editedContent(draft: EditDraft, edited: string): PostContent | { text: string } {
  const source = applyMentions(edited.trim(), draft.picked);
  if (draft.kind === 'text') return { text: source };
  const post = markdownToPost(source);
  return draft.title ? { title: draft.title, ...post } : post;
}
