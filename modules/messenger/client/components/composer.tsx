import { CloseOutlined, PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Tooltip } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { type ClipboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { useTypingSignal } from '../../../../platform/client/presence/typing.js';
import { useDebounced } from '../../../../platform/client/use-debounced.js';
import { uploadFile } from '../../../files/shared/contract.js';
import { searchMembers } from '../../../org/shared/contract.js';
import { listChatMembers } from '../../shared/contract.js';
import { MAX_TEXT } from '../../shared/message-types.js';
import type { ChatView, MessageView } from '../../shared/types.js';
import { composeMessage } from '../compose/markdown.js';
import { applyMentions } from '../compose/text-segments.js';
import { nameOf, type Person, usePeople, usePerson } from '../data/people.js';
import { newClientId, sendOptimistic } from '../data/send.js';
import { previewText } from './preview.js';

/** An image picked or pasted, waiting in the composer until sent. */
interface StagedImage {
  id: string;
  file: File;
  url: string;
}

const MAX_STAGED = 9;
const isImageFile = (f: File) => /^image\/(png|jpeg|gif|webp)$/.test(f.type);

interface Candidate {
  id: string;
  name: string;
  person?: Person;
}

/** Who "@…" may pick: members of this chat matching the query, and everyone when allowed. */
function useMentionCandidates(chat: ChatView, me: string, query: string | null): Candidate[] {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const members = useApiQuery(
    listChatMembers,
    { params: { chatId: chat.id as `chat_${string}` }, query: { limit: 500 } },
    { enabled: query !== null && chat.kind !== 'direct', staleTime: 60_000 },
  );
  const q = useDebounced(query ?? '', 120).trim();
  const search = useApiQuery(searchMembers, { query: { q, limit: 50 } }, { enabled: query !== null && q.length > 0 });
  const memberIds = (members.data?.items ?? []).map((m) => m.userId).filter((id) => id !== me);
  const firstFew = usePeople(q ? [] : memberIds.slice(0, 8));
  if (query === null) return [];
  const inChat = new Set(memberIds);
  const mayAll =
    chat.kind !== 'direct' && (chat.settings.atAll === 'everyone' || chat.myRole === 'owner' || chat.myRole === 'admin');
  const everyone: Candidate[] =
    mayAll && (!q || t('composer.everyone').toLowerCase().includes(q.toLowerCase()) || 'all'.includes(q.toLowerCase()))
      ? [{ id: 'all', name: t('composer.everyone') }]
      : [];
  if (chat.kind === 'direct' && chat.peerId) return [];
  const people: Candidate[] = q
    ? (search.data?.items ?? [])
        .filter((m) => inChat.has(m.id))
        .map((m) => ({ id: m.id, name: nameOf({ ...m, title: m.title }, locale), person: { ...m } }))
    : memberIds.slice(0, 8).map((id) => ({ id, name: nameOf(firstFew.get(id), locale), person: firstFew.get(id) }));
  return [...everyone, ...people].slice(0, 9);
}

/**
 * Where messages are written: @mention picker, markdown-ish rich text (sent as `post`),
 * file and image upload, reply quote; Enter sends, Shift+Enter breaks the line.
 */
export function Composer(props: {
  chat: ChatView;
  me: string;
  threadRootId?: string;
  replyTo?: MessageView | null;
  onCancelReply?: () => void;
  placeholder: string;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const { message: toast } = App.useApp();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<{ userId: string; name: string }[]>([]);
  const [mentionQuery, setMentionQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [uploading, setUploading] = useState<string | null>(null);
  const [staged, setStaged] = useState<StagedImage[]>([]);
  const area = useRef<TextAreaRef>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const candidates = useMentionCandidates(props.chat, props.me, mentionQuery);
  const { name: replyName } = usePerson(props.replyTo?.senderId);
  const tooLong = text.length > MAX_TEXT;
  const typing = useTypingSignal(`chat:${props.chat.id}`);

  useEffect(() => {
    if (props.replyTo) area.current?.focus();
  }, [props.replyTo]);

  const textarea = () => area.current?.resizableTextArea?.textArea;

  const detectMention = (value: string) => {
    const caret = textarea()?.selectionStart ?? value.length;
    const m = /(^|\s)@([^\s@]{0,30})$/.exec(value.slice(0, caret));
    setMentionQuery(m ? m[2] : null);
    setActive(0);
  };

  const pick = (c: Candidate) => {
    const el = textarea();
    const caret = el?.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@([^\s@]{0,30})$/, `@${c.name} `);
    const next = before + text.slice(caret);
    setText(next);
    setPicked((p) => [...p, { userId: c.id, name: c.name }]);
    setMentionQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  // Thumbnails are object URLs: free them when they leave the tray (and when the composer goes).
  const stagedRef = useRef(staged);
  stagedRef.current = staged;
  useEffect(
    () => () => {
      for (const s of stagedRef.current) URL.revokeObjectURL(s.url);
    },
    [],
  );

  /** Images wait in the tray (with a thumbnail) until sent; other files go at once, as before. */
  const addFiles = (files: File[]) => {
    const images = files.filter(isImageFile);
    const room = MAX_STAGED - staged.length;
    if (images.length > room) toast.warning(t('composer.tooManyImages', { max: MAX_STAGED }));
    const next = images.slice(0, Math.max(0, room)).map((file) => ({ id: newClientId(), file, url: URL.createObjectURL(file) }));
    if (next.length) setStaged((s) => [...s, ...next]);
    for (const f of files.filter((f) => !isImageFile(f))) void upload(f);
    if (next.length) area.current?.focus();
  };
  const unstage = (id: string) =>
    setStaged((s) => {
      const gone = s.find((x) => x.id === id);
      if (gone) URL.revokeObjectURL(gone.url);
      return s.filter((x) => x.id !== id);
    });

  const send = () => {
    const hasText = Boolean(text.trim());
    if ((!hasText && staged.length === 0) || tooLong) return;
    const images = staged;
    const composed = hasText ? composeMessage(applyMentions(text, picked)) : null;
    const preview = text.trim();
    const replyTo = props.replyTo;
    setText('');
    setPicked([]);
    setMentionQuery(null);
    setStaged([]);
    props.onCancelReply?.();
    void (async () => {
      // Images first, in the order they were added, then the words that go with them.
      for (const img of images) {
        await upload(img.file, images.length === 1 && !composed ? replyTo : null);
        URL.revokeObjectURL(img.url);
      }
      if (composed)
        await sendOptimistic(qc, props.me, props.chat.id, {
          kind: composed.kind,
          content: composed.content,
          text: preview,
          replyTo,
          threadRootId: props.threadRootId,
        }).catch(() => {
          // Shown on the message itself as "not sent" with a retry.
        });
    })();
  };

  const upload = async (file: File, replyTo: MessageView | null | undefined = props.replyTo) => {
    setUploading(file.name);
    try {
      const form = new FormData();
      form.append('file', file);
      const stored = await api(uploadFile, { body: form } as never);
      const image = stored.disposition === 'inline' && stored.contentType.startsWith('image/');
      await sendOptimistic(qc, props.me, props.chat.id, {
        kind: image ? 'image' : 'file',
        content: { file_key: stored.id },
        text: image ? t('preview.image') : stored.name,
        replyTo,
        threadRootId: props.threadRootId,
      });
      if (replyTo) props.onCancelReply?.();
    } catch (err) {
      toast.error(errorMessage(err) || t('composer.uploadFailed'));
    } finally {
      setUploading(null);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...e.clipboardData.files].filter(isImageFile);
    if (files.length === 0) return; // text pastes as usual
    e.preventDefault();
    addFiles(files);
  };

  return (
    <div className="msg-composer" data-testid={props.testId ?? 'composer'}>
      {props.replyTo ? (
        <div className="msg-composer-reply" data-testid="composer-reply">
          <span className="msg-composer-reply-text">
            {t('composer.replyingTo', { name: replyName })}: {previewText(props.replyTo, t)}
          </span>
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            onClick={props.onCancelReply}
            aria-label={t('message.cancel')}
          />
        </div>
      ) : null}
      {mentionQuery !== null && candidates.length > 0 ? (
        <div className="msg-mention-list" role="listbox" data-testid="mention-list">
          {candidates.map((c, i) => (
            <button
              type="button"
              key={c.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'msg-mention-option active' : 'msg-mention-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
              data-testid={`mention-option-${c.id}`}
            >
              {c.id === 'all' ? (
                <span className="msg-mention-all">@</span>
              ) : (
                <PersonAvatar userId={c.id} name={c.name} avatarUrl={c.person?.avatarUrl} size={24} static />
              )}
              <span>{c.name}</span>
              {c.id === 'all' ? <span className="msg-mention-hint">{t('composer.everyoneHint')}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
      <div className="msg-composer-box">
        {staged.length ? (
          <div className="msg-staged" data-testid="composer-staged">
            {staged.map((img) => (
              <div key={img.id} className="msg-staged-item" data-testid="composer-staged-image">
                <img src={img.url} alt={img.file.name} />
                <button
                  type="button"
                  className="msg-staged-remove"
                  onClick={() => unstage(img.id)}
                  aria-label={t('composer.removeImage')}
                  title={t('composer.removeImage')}
                  data-testid="composer-staged-remove"
                >
                  <CloseOutlined />
                </button>
              </div>
            ))}
          </div>
        ) : null}
        <Input.TextArea
          ref={area}
          value={text}
          autoFocus={props.autoFocus}
          placeholder={props.placeholder}
          variant="borderless"
          autoSize={{ minRows: 1, maxRows: 8 }}
          onChange={(e) => {
            if (e.target.value) typing();
            setText(e.target.value);
            detectMention(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return; // IME: Enter picks the candidate, it does not send
            if (mentionQuery !== null && candidates.length > 0) {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
                return;
              }
              if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                pick(candidates[active] ?? candidates[0]);
                return;
              }
              if (e.key === 'Escape') {
                setMentionQuery(null);
                return;
              }
            }
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
          onPaste={onPaste}
          onBlur={() => setTimeout(() => setMentionQuery(null), 150)}
          data-testid="composer-input"
        />
        <div className="msg-composer-tools">
          <span className="msg-composer-hint">
            {tooLong ? (
              <span className="msg-too-long">{t('composer.tooLong', { max: MAX_TEXT, count: text.length })}</span>
            ) : uploading ? (
              t('composer.uploading', { name: uploading })
            ) : staged.length ? (
              t('composer.imagesReady', { count: staged.length })
            ) : (
              t('composer.hint')
            )}
          </span>
          <Tooltip title={t('composer.attach')}>
            <Button
              type="text"
              icon={<PaperClipOutlined />}
              aria-label={t('composer.attach')}
              loading={uploading !== null}
              onClick={() => fileInput.current?.click()}
              data-testid="composer-attach"
            />
          </Tooltip>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              addFiles(files);
            }}
            data-testid="composer-file"
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={(!text.trim() && staged.length === 0) || tooLong}
            onClick={send}
            aria-label={t('composer.send')}
            data-testid="composer-send"
          />
        </div>
      </div>
    </div>
  );
}
