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
import { getMessengerSettings, listChatMembers } from '../../shared/contract.js';
import { MAX_TEXT } from '../../shared/message-types.js';
import type { ChatView, MessageView } from '../../shared/types.js';
import { AttachmentTray } from '../compose/attachment-tray.js';
import { EmojiButton, insertAtCursor } from './emoji-button.js';
import { draftChanged, draftSent, flushDraft, useDraft } from '../compose/drafts.js';
import { editDraft } from '../compose/edit-source.js';
import { requestEdit } from '../compose/edit-request.js';
import { lastEditable } from '../compose/last-editable.js';
import { composeMessage } from '../compose/markdown.js';
import { isImageFile, MAX_STAGED, type StagedFile, stageFiles } from '../compose/staged-files.js';
import { applyMentions } from '../compose/text-segments.js';
import { nameOf, type Person, usePeople, usePerson } from '../data/people.js';
import { newClientId, sendOptimistic } from '../data/send.js';
import { getTimeline } from '../data/timeline.js';
import { previewText } from './preview.js';

const HOUR = 3_600_000;

/** Frees a staged image's thumbnail. */
const release = (s: StagedFile) => {
  if (s.url) URL.revokeObjectURL(s.url);
};

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
 * Where messages are written: @mention picker, markdown-ish rich text (sent as `post`), an
 * attachment tray for files and images, reply quote; Enter sends, Shift+Enter breaks the line,
 * ↑ in an empty composer edits my last message. The chat's composer (not a thread's) keeps
 * what is typed as the chat's draft.
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
  const [staged, setStaged] = useState<StagedFile[]>([]);
  const area = useRef<TextAreaRef>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const candidates = useMentionCandidates(props.chat, props.me, mentionQuery);
  const { name: replyName } = usePerson(props.replyTo?.senderId);
  const tooLong = text.length > MAX_TEXT;
  const typing = useTypingSignal(`chat:${props.chat.id}`);
  const chatId = props.chat.id;
  const keepsDraft = !props.threadRootId;
  const draft = useDraft(keepsDraft ? chatId : '');
  const settings = useApiQuery(getMessengerSettings, undefined, { staleTime: 10 * 60_000 });

  useEffect(() => {
    if (props.replyTo) area.current?.focus();
  }, [props.replyTo]);

  // The draft comes back once, when the chat opens (drafts load with the page), unless typing began.
  const restored = useRef(false);
  useEffect(() => {
    if (!keepsDraft || restored.current || draft === undefined) return;
    restored.current = true;
    if (!draft || text) return;
    const back = editDraft({ kind: 'text', content: { text: draft }, text: draft });
    setText(back.text);
    setPicked(back.picked);
  }, [keepsDraft, draft, text]);
  // Leaving the chat saves a draft still waiting for the pause in typing.
  useEffect(() => (keepsDraft ? () => flushDraft(chatId) : undefined), [keepsDraft, chatId]);

  const changeText = (next: string, nextPicked = picked) => {
    restored.current = true;
    setText(next);
    if (keepsDraft) draftChanged(chatId, applyMentions(next, nextPicked));
  };

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
    const nextPicked = [...picked, { userId: c.id, name: c.name }];
    changeText(next, nextPicked);
    setPicked(nextPicked);
    setMentionQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  const insertEmoji = (emoji: string) => {
    const el = textarea();
    const { next, caret } = insertAtCursor(text, emoji, el?.selectionStart, el?.selectionEnd);
    changeText(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  // Thumbnails are object URLs: free them when they leave the tray (and when the composer goes).
  const stagedRef = useRef(staged);
  stagedRef.current = staged;
  useEffect(
    () => () => {
      for (const s of stagedRef.current) release(s);
    },
    [],
  );

  /** Files and images alike wait in the tray until Send; one picked again is not added twice. */
  const addFiles = (files: File[]) => {
    const { tray, overflow } = stageFiles(stagedRef.current, files, (file) => ({
      id: newClientId(),
      file,
      url: isImageFile(file) ? URL.createObjectURL(file) : null,
    }));
    if (overflow) toast.warning(t('composer.tooManyFiles', { max: MAX_STAGED }));
    stagedRef.current = tray;
    setStaged(tray);
    area.current?.focus();
  };
  const unstage = (id: string) =>
    setStaged((s) => {
      const gone = s.find((x) => x.id === id);
      if (gone) release(gone);
      return s.filter((x) => x.id !== id);
    });

  const send = () => {
    const hasText = Boolean(text.trim());
    if ((!hasText && staged.length === 0) || tooLong) return;
    const files = staged;
    const composed = hasText ? composeMessage(applyMentions(text, picked)) : null;
    const preview = text.trim();
    const replyTo = props.replyTo;
    setText('');
    setPicked([]);
    setMentionQuery(null);
    setStaged([]);
    stagedRef.current = [];
    if (keepsDraft) draftSent(chatId);
    props.onCancelReply?.();
    void (async () => {
      // Attachments first, in the order they were added, then the words that go with them; the
      // reply quote goes on the words, or on the first attachment when there are none.
      for (const [i, f] of files.entries()) {
        await upload(f.file, i === 0 && !composed ? replyTo : null);
        release(f);
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

  /** ↑ in an empty composer: my newest message of this chat that may still be edited. */
  const editLast = (): boolean => {
    if (!keepsDraft || text || staged.length || !settings.data) return false;
    const tl = getTimeline(chatId);
    if (tl.hasMoreAfter) return false; // the loaded window is not the newest part of the chat
    const m = lastEditable(tl.items, props.me, settings.data.editWindowHours * HOUR);
    if (!m) return false;
    requestEdit(m.id);
    return true;
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
                <PersonAvatar userId={c.id} name={c.name} person={c.person} avatarUrl={c.person?.avatarUrl} size={24} static />
              )}
              <span>{c.name}</span>
              {c.id === 'all' ? <span className="msg-mention-hint">{t('composer.everyoneHint')}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
      <div className="msg-composer-box">
        <AttachmentTray staged={staged} onRemove={unstage} />
        <Input.TextArea
          ref={area}
          value={text}
          autoFocus={props.autoFocus}
          placeholder={props.placeholder}
          variant="borderless"
          autoSize={{ minRows: 1, maxRows: 8 }}
          onChange={(e) => {
            if (e.target.value) typing();
            changeText(e.target.value);
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
            if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey && !e.metaKey && !e.ctrlKey && editLast()) e.preventDefault();
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
              t('composer.attachmentsReady', { count: staged.length })
            ) : (
              t('composer.hint')
            )}
          </span>
          <EmojiButton onPick={insertEmoji} />
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
