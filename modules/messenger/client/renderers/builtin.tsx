import { FileOutlined } from '@ant-design/icons';
import { Image, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { getFile } from '../../../files/shared/contract.js';
import type { Block, Inline, PostContent } from '../compose/markdown.js';
import { type Segment, textSegments } from '../compose/text-segments.js';
import { nameOf, usePeople, usePerson } from '../data/people.js';
import type { MessageRenderer, MessageRendererProps } from './registry.js';

/** A mention chip: highlighted when it is the reader (or everyone). */
function Mention({ userId, name, me }: { userId: string; name: string; me: string }) {
  const { t } = useTranslation('messenger');
  const { name: current } = usePerson(userId === 'all' ? null : userId);
  const label = userId === 'all' ? t('composer.everyone') : current !== '…' ? current : name;
  const mine = userId === me || userId === 'all';
  return <span className={mine ? 'msg-at msg-at-me' : 'msg-at'}>@{label}</span>;
}

function Link({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

function segment(s: Segment, i: number, me: string) {
  if (s.type === 'at') return <Mention key={i} userId={s.userId} name={s.name} me={me} />;
  if (s.type === 'link')
    return (
      <Link key={i} href={s.href}>
        {s.text}
      </Link>
    );
  return <Fragment key={i}>{s.text}</Fragment>;
}

function TextMessage({ message, me }: MessageRendererProps) {
  const text = (message.content as { text?: string } | null)?.text ?? message.text;
  return <div className="msg-text">{textSegments(text).map((s, i) => segment(s, i, me))}</div>;
}

function styled(node: ReactNode, style: string[] | undefined): ReactNode {
  let out = node;
  for (const s of style ?? []) {
    if (s === 'bold') out = <strong>{out}</strong>;
    else if (s === 'italic') out = <em>{out}</em>;
    else if (s === 'underline') out = <u>{out}</u>;
    else if (s === 'lineThrough') out = <s>{out}</s>;
    else if (s === 'code') out = <code className="msg-code">{out}</code>;
  }
  return out;
}

function inline(e: Inline, i: number, me: string): ReactNode {
  if (e.tag === 'text') return <Fragment key={i}>{styled(e.text, e.style)}</Fragment>;
  if (e.tag === 'a')
    return (
      <Fragment key={i}>
        <Link href={/^(https?:|mailto:)/i.test(e.href) ? e.href : '#'}>{styled(e.text, e.style)}</Link>
      </Fragment>
    );
  if (e.tag === 'at') return <Mention key={i} userId={e.user_id} name={e.user_name ?? ''} me={me} />;
  return <Fragment key={i}>:{e.emoji_type}:</Fragment>;
}

function block(b: Block, i: number, me: string): ReactNode {
  if (Array.isArray(b)) return <p key={i}>{b.length ? b.map((e, j) => inline(e, j, me)) : '\u00a0'}</p>;
  if (b.tag === 'code_block')
    return (
      <pre key={i} className="msg-pre" data-language={b.language}>
        <code>{b.text}</code>
      </pre>
    );
  if (b.tag === 'list') {
    // biome-ignore lint/suspicious/noArrayIndexKey: a sent message's items never reorder
    const items = b.items.map((row, j) => <li key={j}>{row.map((e, k) => inline(e, k, me))}</li>);
    return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
  }
  return <hr key={i} />;
}

function PostMessage({ message, me }: MessageRendererProps) {
  const post = message.content as PostContent | null;
  if (!post) return <div className="msg-text">{message.text}</div>;
  return (
    <div className="msg-post">
      {post.title ? <div className="msg-post-title">{post.title}</div> : null}
      {post.content.map((b, i) => block(b, i, me))}
    </div>
  );
}

const fileUrl = (id: string) => `/api/files/${id}/content`;

function ImageMessage({ message }: MessageRendererProps) {
  const { t } = useTranslation('messenger');
  const key = (message.content as { file_key?: string } | null)?.file_key;
  if (!key) return null;
  return (
    <div className="msg-image" data-testid="message-image">
      <Image src={fileUrl(key)} alt={t('message.image')} style={{ maxWidth: 320, maxHeight: 320, objectFit: 'contain' }} />
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function FileMessage({ message }: MessageRendererProps) {
  const { t } = useTranslation('messenger');
  const key = (message.content as { file_key?: string } | null)?.file_key;
  const info = useApiQuery(
    getFile,
    { params: { fileId: (key ?? '') as `fil_${string}` } },
    { enabled: Boolean(key), staleTime: 3_600_000 },
  );
  if (!key) return null;
  return (
    <a className="msg-file" href={fileUrl(key)} download={info.data?.name} data-testid="message-file">
      <FileOutlined className="msg-file-icon" />
      <span className="msg-file-main">
        <Typography.Text ellipsis className="msg-file-name">
          {info.data?.name ?? t('preview.file')}
        </Typography.Text>
        <span className="msg-file-size">{info.data ? formatSize(info.data.size) : t('message.download')}</span>
      </span>
    </a>
  );
}

/** "Bob, Carol and 2 others", in the reader's language. */
function usePeopleList(ids: string[], more: number): string {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const people = usePeople(ids);
  const names = ids.map((id) => nameOf(people.get(id), locale));
  if (more > 0) names.push(t('system.others', { count: more }));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/** A membership or settings line, worded from its structure (event + user ids) for the reader. */
function SystemMessage({ message }: MessageRendererProps) {
  const { t } = useTranslation('messenger');
  const c = (message.content as { event?: string; params?: Record<string, string> } | null) ?? {};
  const p = c.params ?? {};
  const { name: actor } = usePerson(p.actorId);
  const targetIds = (p.targetIds ?? p.targetId ?? '').split(',').filter(Boolean);
  const target = usePeopleList(targetIds, Number(p.more ?? 0) || 0);
  const key = SYSTEM_EVENTS[c.event ?? ''] ?? 'generic';
  return <>{t(`system.${key}`, { actor, target, name: p.name ?? '' })}</>;
}

/** Server notice events → catalog keys; unknown events read "Group updated". */
const SYSTEM_EVENTS: Record<string, string> = {
  'chat.created': 'created',
  'member.joined': 'joined',
  'member.left': 'left',
  'members.added': 'added',
  'member.removed': 'removed',
  'chat.renamed': 'renamed',
  'owner.transferred': 'transferred',
  'announcement.updated': 'announcement',
};

export const builtInRenderers: MessageRenderer[] = [
  { kind: 'text', Component: TextMessage },
  { kind: 'post', Component: PostMessage },
  { kind: 'image', Component: ImageMessage, bare: true },
  { kind: 'file', Component: FileMessage, bare: true },
  { kind: 'system', Component: SystemMessage, bare: true },
];
