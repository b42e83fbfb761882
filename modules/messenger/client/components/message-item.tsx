import {
  CommentOutlined,
  EditOutlined,
  EnterOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  MoreOutlined,
  PushpinFilled,
  PushpinOutlined,
  RollbackOutlined,
  ShareAltOutlined,
  CopyOutlined,
  LinkOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Input, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../../platform/client/api.js';
import { copyText, linkTo } from '../../../../platform/client/copy-text.js';
import { clockTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { editMessage, pinMessage, recallMessage, unpinMessage } from '../../shared/contract.js';
import type { MessageView } from '../../shared/types.js';
import { caretToEnd, editRequestTaken, useEditRequested } from '../compose/edit-request.js';
import { type EditDraft, editDraft, editedContent } from '../compose/edit-source.js';
import { mentionsToDisplay } from '../compose/text-segments.js';
import { usePerson } from '../data/people.js';
import { replaceEverywhere } from '../data/send.js';
import type { PendingMessage } from '../data/timeline.js';
import { rendererFor } from '../renderers/registry.js';
import { ForwardedFrom } from './forwarded-from.js';
import { previewText } from './preview.js';
import { ReactionBar, ReactionPicker, useToggleReaction } from './reactions.js';
import { ReadReceipt } from './receipts.js';

export interface MessageActions {
  onReply?: (m: MessageView) => void;
  onThread?: (m: MessageView) => void;
  onForward?: (m: MessageView) => void;
  onJump?: (messageId: string) => void;
}

/** The message body through the renderer of its kind; a neutral placeholder for kinds this client lacks. */
export function MessageBody({ message, me }: { message: MessageView; me: string }) {
  const { t } = useTranslation('messenger');
  if (message.recalled) return <div className="msg-recalled">{t('message.recalled')}</div>;
  const r = rendererFor(message.kind);
  if (!r) return <div className="msg-unknown">{t('message.unknownKind')}</div>;
  return <r.Component message={message} me={me} />;
}

function Quote({ m, onJump }: { m: NonNullable<MessageView['replyTo']>; onJump?: (id: string) => void }) {
  const { t } = useTranslation('messenger');
  const { name } = usePerson(m.senderId);
  return (
    <button type="button" className="msg-quote" onClick={() => onJump?.(m.id)} data-testid="message-quote">
      <span className="msg-quote-name">{name}</span>
      <span className="msg-quote-text">{previewText(m, t)}</span>
    </button>
  );
}

/** A message's address; a thread reply's opens its thread (the main history does not hold replies). */
export function messagePath(m: MessageView): string {
  if (m.threadRootId) return `/messages/${m.chatId}/${m.threadRootId}?thread=${m.threadRootId}`;
  return `/messages/${m.chatId}/${m.id}`;
}

/** One message: face and name at the start of a run, bubble, reactions, thread count, receipt, actions. */
export const MessageItem = memo(function MessageItem(props: {
  message: MessageView;
  me: string;
  showHeader: boolean;
  canPost: boolean;
  /** How many of the other members have read it (my messages only). */
  receipt?: { read: number; total: number } | null;
  /** A direct chat: the receipt is a plain "Read" (under my last message only). */
  direct?: boolean;
  highlight?: boolean;
  inThread?: boolean;
  actions: MessageActions;
}) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const qc = useQueryClient();
  const { message: toast, modal } = App.useApp();
  const { message: m, me } = props;
  const { person, name } = usePerson(m.senderId);
  const toggle = useToggleReaction(me);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<EditDraft | null>(null);
  const mine = m.senderId === me;
  const system = m.kind === 'system';
  const bare = rendererFor(m.kind)?.bare && !m.recalled;
  const editable = mine && !m.recalled && (m.kind === 'text' || m.kind === 'post');
  const editBox = useRef<TextAreaRef>(null);
  const isEditing = editing !== null;
  const startEdit = () => {
    // A rich message opens as the markdown it was written in, so its formatting survives the edit.
    const d = editDraft(m);
    setDraft(d);
    setEditing(d.text);
  };
  // The caret goes after the text, where a correction usually starts.
  useEffect(() => {
    if (isEditing) caretToEnd(editBox.current?.resizableTextArea?.textArea);
  }, [isEditing]);
  // ↑ in the empty composer picked this message.
  const asked = useEditRequested(m.id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: acts once per request
  useEffect(() => {
    if (!asked) return;
    editRequestTaken();
    if (!editable) return;
    startEdit();
    document.getElementById(`m-${m.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [asked]);

  const run = async (work: () => Promise<MessageView>) => {
    try {
      replaceEverywhere(qc, await work());
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  const id = m.id as `msg_${string}`;
  const saveEdit = async () => {
    if (!editing?.trim() || !draft) return;
    const content = editedContent(draft, editing);
    await run(() => api(editMessage, { params: { messageId: id }, body: { content } }));
    setEditing(null);
  };

  if (system) {
    return (
      <div className="msg-system" data-testid="message-system" data-seq={m.seq}>
        <MessageBody message={m} me={me} />
      </div>
    );
  }

  const more = [
    { key: 'copy', icon: <CopyOutlined />, label: t('message.copy'), disabled: m.recalled },
    { key: 'link', icon: <LinkOutlined />, label: <span data-testid="action-copy-link">{t('common:actions.copyLink')}</span> },
    {
      key: 'forward',
      icon: <ShareAltOutlined />,
      label: <span data-testid="action-forward">{t('message.forward')}</span>,
      disabled: m.recalled || !props.actions.onForward,
    },
    m.pinned
      ? { key: 'unpin', icon: <PushpinOutlined />, label: <span data-testid="action-unpin">{t('message.unpin')}</span> }
      : {
          key: 'pin',
          icon: <PushpinOutlined />,
          label: <span data-testid="action-pin">{t('message.pin')}</span>,
          disabled: m.recalled,
        },
    ...(editable
      ? [{ key: 'edit', icon: <EditOutlined />, label: <span data-testid="action-edit">{t('message.edit')}</span> }]
      : []),
    ...(mine && !m.recalled
      ? [
          {
            key: 'recall',
            icon: <RollbackOutlined />,
            danger: true,
            label: <span data-testid="action-recall">{t('message.recall')}</span>,
          },
        ]
      : []),
  ];
  const onMore = ({ key }: { key: string }) => {
    if (key === 'copy')
      void navigator.clipboard?.writeText(mentionsToDisplay(m.text)).then(() => toast.success(t('message.copied')));
    if (key === 'link') void copyText(linkTo(messagePath(m))).then(() => toast.success(t('common:actions.linkCopied')));
    if (key === 'forward') props.actions.onForward?.(m);
    if (key === 'pin') void run(() => api(pinMessage, { params: { messageId: id } }));
    if (key === 'unpin') void run(() => api(unpinMessage, { params: { messageId: id } }));
    if (key === 'edit') startEdit();
    if (key === 'recall')
      modal.confirm({
        title: t('message.recallConfirm'),
        okButtonProps: { danger: true },
        onOk: () => run(() => api(recallMessage, { params: { messageId: id } })),
      });
  };

  const toolbar = m.recalled ? null : (
    <div className="msg-toolbar" data-testid="message-toolbar">
      <ReactionPicker onPick={(e) => void toggle(m, e)} testId="action-react" />
      {props.canPost && props.actions.onReply ? (
        <Tooltip title={t('message.reply')}>
          <Button
            type="text"
            size="small"
            icon={<EnterOutlined />}
            aria-label={t('message.reply')}
            onClick={() => props.actions.onReply?.(m)}
            data-testid="action-reply"
          />
        </Tooltip>
      ) : null}
      {!props.inThread && props.actions.onThread ? (
        <Tooltip title={t('message.thread')}>
          <Button
            type="text"
            size="small"
            icon={<CommentOutlined />}
            aria-label={t('message.thread')}
            onClick={() => props.actions.onThread?.(m)}
            data-testid="action-thread"
          />
        </Tooltip>
      ) : null}
      <Dropdown trigger={['click']} menu={{ items: more, onClick: onMore }}>
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('message.more')} data-testid="action-more" />
      </Dropdown>
    </div>
  );

  let body: ReactNode = <MessageBody message={m} me={me} />;
  if (editing !== null) {
    body = (
      <div className="msg-edit">
        <Input.TextArea
          ref={editBox}
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 8 }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void saveEdit();
            }
            if (e.key === 'Escape') setEditing(null);
          }}
          data-testid="message-edit-input"
        />
        <div className="msg-edit-actions">
          <Button size="small" onClick={() => setEditing(null)}>
            {t('message.cancel')}
          </Button>
          <Button size="small" type="primary" onClick={() => void saveEdit()} data-testid="message-edit-save">
            {t('message.save')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div
      className={`msg-item${props.showHeader ? ' first' : ''}${props.highlight ? ' highlight' : ''}`}
      data-testid="message"
      data-message-id={m.id}
      data-seq={m.seq}
      id={`m-${m.id}`}
      // Focusable so a tap shows the actions on touch screens (no hover there).
      tabIndex={-1}
    >
      <div className="msg-gutter">
        {props.showHeader ? (
          <PersonAvatar userId={m.senderId} name={name} person={person} avatarUrl={person?.avatarUrl} size={36} />
        ) : (
          <span className="msg-hover-time">{clockTime(m.createdAt, locale)}</span>
        )}
      </div>
      <div className="msg-main">
        {props.showHeader ? (
          <div className="msg-head">
            <span className="msg-sender" data-testid="message-sender">
              {name}
            </span>
            <span className="msg-time">{clockTime(m.createdAt, locale)}</span>
          </div>
        ) : null}
        {m.forwardedFrom ? <ForwardedFrom from={m.forwardedFrom} /> : null}
        {m.replyTo ? <Quote m={m.replyTo} onJump={props.actions.onJump} /> : null}
        <div className={bare || editing !== null ? 'msg-content bare' : 'msg-content'} data-testid="message-content">
          {body}
          {m.editedAt && !m.recalled ? <span className="msg-edited">{t('message.edited')}</span> : null}
        </div>
        <ReactionBar message={m} me={me} onToggle={(e) => void toggle(m, e)} />
        <div className="msg-meta">
          {m.pinned ? (
            <span className="msg-pinned">
              <PushpinFilled /> {t('message.pinned')}
            </span>
          ) : null}
          {!props.inThread && m.threadReplyCount > 0 ? (
            <button
              type="button"
              className="msg-thread-link"
              onClick={() => props.actions.onThread?.(m)}
              data-testid="thread-count"
            >
              <CommentOutlined />{' '}
              {m.threadReplyCount === 1 ? t('message.oneReply') : t('message.replies', { count: m.threadReplyCount })}
            </button>
          ) : null}
          {props.receipt && mine && !m.recalled ? (
            <ReadReceipt messageId={m.id} read={props.receipt.read} total={props.receipt.total} direct={props.direct} />
          ) : null}
        </div>
      </div>
      {editing === null ? toolbar : null}
    </div>
  );
});

/** A message I sent that the server has not confirmed yet, or that failed (retry reuses its clientId). */
export function PendingItem(props: {
  pending: PendingMessage;
  me: string;
  showHeader: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('messenger');
  const { person, name } = usePerson(props.me);
  const p = props.pending;
  const fake = {
    id: `msg_pending_${p.clientId}`,
    kind: p.kind,
    content: p.content,
    text: p.text,
    recalled: false,
  } as unknown as MessageView;
  const bare = rendererFor(p.kind)?.bare;
  return (
    <div className={`msg-item pending${props.showHeader ? ' first' : ''}`} data-testid="message-pending" data-status={p.status}>
      <div className="msg-gutter">
        {props.showHeader ? (
          <PersonAvatar userId={props.me} name={name} person={person} avatarUrl={person?.avatarUrl} size={36} static />
        ) : null}
      </div>
      <div className="msg-main">
        {props.showHeader ? (
          <div className="msg-head">
            <span className="msg-sender">{name}</span>
          </div>
        ) : null}
        <div className={bare ? 'msg-content bare' : 'msg-content'}>
          <MessageBody message={fake} me={props.me} />
        </div>
        <div className="msg-meta">
          {p.status === 'sending' ? (
            <span className="msg-sending">
              <LoadingOutlined /> {t('message.sending')}
            </span>
          ) : (
            <span className="msg-failed" data-testid="message-failed">
              <ExclamationCircleFilled /> {t('message.failed')}
              <Button type="link" size="small" onClick={props.onRetry} data-testid="message-retry">
                {t('message.retry')}
              </Button>
              <Button type="link" size="small" danger onClick={props.onDiscard}>
                {t('message.discard')}
              </Button>
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
