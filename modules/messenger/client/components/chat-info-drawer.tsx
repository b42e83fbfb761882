import { CameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Dropdown, Form, Input, Select, Switch, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, useApiQuery } from '../../../../platform/client/api.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { useIsPhone } from '../../../../platform/client/ui/responsive.js';
import {
  addChatMembers,
  listChatMembers,
  removeChatMember,
  setAnnouncement,
  setMemberRole,
  transferOwnership,
  updateChat,
} from '../../shared/contract.js';
import type { ChatSettings, ChatView } from '../../shared/types.js';
import { patchChat, refreshChats, removeChat } from '../data/chats.js';
import { nameOf, usePeople } from '../data/people.js';
import { forgetChat } from '../data/timeline.js';
import { uploadFile } from '../../../files/shared/contract.js';
import { ChatAvatar } from './chat-avatar.js';
import { NotifyLevelControl } from './notify-level-control.js';
import { PeoplePicker } from './people-picker.js';

type Cid = `chat_${string}`;
type Uid = `usr_${string}`;

/** Members, group settings, announcement, notification level and leave, in one drawer. */
export function ChatInfoDrawer(props: { open: boolean; chat: ChatView; me: string; onClose: () => void }) {
  const { t } = useTranslation('messenger');
  const isPhone = useIsPhone();
  const { chat } = props;
  const admin = chat.myRole === 'owner' || chat.myRole === 'admin';
  const group = chat.kind !== 'direct';
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('settings.title')}
      placement={isPhone ? 'bottom' : 'right'}
      size={isPhone ? '90vh' : 400}
      destroyOnHidden
    >
      <div data-testid="chat-info">
        {group ? (
          <Tabs
            items={[
              { key: 'info', label: t('settings.tabs.info'), children: <InfoTab {...props} admin={admin} /> },
              {
                key: 'members',
                label: <span data-testid="chat-info-members">{t('settings.tabs.members')}</span>,
                children: <MembersTab {...props} admin={admin} />,
              },
              ...(chat.kind === 'group' || chat.kind === 'channel'
                ? [{ key: 'settings', label: t('settings.tabs.settings'), children: <SettingsTab chat={chat} admin={admin} /> }]
                : []),
            ]}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('settings.directNote')}</Typography.Paragraph>
            <NotifyLevelControl chat={chat} />
          </>
        )}
      </div>
    </Drawer>
  );
}

function InfoTab(props: { chat: ChatView; me: string; admin: boolean; onClose: () => void }) {
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { chat, admin } = props;
  const [form] = Form.useForm<{ name: string; description: string }>();
  const [announcement, setText] = useState(chat.announcement?.text ?? '');
  useEffect(() => setText(chat.announcement?.text ?? ''), [chat.announcement?.text]);

  const save = async (v: { name: string; description: string }) => {
    try {
      const next = await api(updateChat, {
        params: { chatId: chat.id as Cid },
        body: { name: v.name, description: v.description },
      });
      patchChat(qc, chat.id, (c) => ({ ...c, ...next, unread: c.unread, muted: c.muted }));
      message.success(t('settings.saved'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const publish = async () => {
    try {
      const next = await api(setAnnouncement, { params: { chatId: chat.id as Cid }, body: { text: announcement } });
      patchChat(qc, chat.id, (c) => ({ ...c, announcement: next.announcement }));
      message.success(t('settings.saved'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const leave = () =>
    modal.confirm({
      title: t('settings.leaveConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api(removeChatMember, { params: { chatId: chat.id as Cid, userId: props.me as Uid } });
          removeChat(qc, chat.id);
          forgetChat(chat.id);
          navigate('/messages');
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });

  return (
    <div className="msg-info">
      <GroupAvatar chat={chat} admin={admin} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: chat.name, description: chat.description }}
        onFinish={save}
        disabled={!admin || chat.kind === 'department'}
      >
        <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} data-testid="chat-name-input" />
        </Form.Item>
        <Form.Item name="description" label={t('settings.description')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {admin ? (
          <Button htmlType="submit" data-testid="chat-info-save">
            {t('message.save')}
          </Button>
        ) : null}
      </Form>
      <div className="msg-info-block">
        <Typography.Text strong>{t('settings.announcement')}</Typography.Text>
        {admin ? (
          <>
            <Input.TextArea
              value={announcement}
              onChange={(e) => setText(e.target.value)}
              maxLength={5000}
              placeholder={t('settings.announcementPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 8 }}
              style={{ margin: '8px 0' }}
              data-testid="announcement-input"
            />
            <Button type="primary" onClick={() => void publish()} data-testid="announcement-save">
              {t('settings.saveAnnouncement')}
            </Button>
          </>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
            {chat.announcement?.text || '—'}
          </Typography.Paragraph>
        )}
      </div>
      <div className="msg-info-block">
        <NotifyLevelControl chat={chat} />
      </div>
      {chat.myRole && chat.kind === 'group' ? (
        <Button danger block onClick={leave} data-testid="chat-leave">
          {t('settings.leave')}
        </Button>
      ) : null}
    </div>
  );
}

/** The group's picture; owners and admins upload (an image through the files API) or remove it. */
function GroupAvatar({ chat, admin }: { chat: ChatView; admin: boolean }) {
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const setAvatar = async (avatarFileId: string | null) => {
    const next = await api(updateChat, { params: { chatId: chat.id as Cid }, body: { avatarFileId } });
    patchChat(qc, chat.id, (c) => ({ ...c, avatarUrl: next.avatarUrl }));
  };
  const upload = async (file: File) => {
    if (!file.type.startsWith('image/')) {
      message.error(t('avatar.notImage'));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const stored = await api(uploadFile, { body: form } as never);
      if (!stored.contentType.startsWith('image/') || stored.disposition !== 'inline') {
        message.error(t('avatar.notImage'));
        return;
      }
      await setAvatar(stored.id);
      message.success(t('settings.saved'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await setAvatar(null);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="msg-avatar-edit" data-testid="group-avatar">
      <ChatAvatar chat={chat} size={64} />
      {admin ? (
        <span className="msg-avatar-actions">
          <Button
            icon={<CameraOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
            data-testid="group-avatar-upload"
          >
            {chat.avatarUrl ? t('avatar.change') : t('avatar.upload')}
          </Button>
          {chat.avatarUrl ? (
            <Button type="text" danger disabled={busy} onClick={() => void remove()} data-testid="group-avatar-remove">
              {t('avatar.remove')}
            </Button>
          ) : null}
          <input
            ref={input}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
            data-testid="group-avatar-file"
          />
        </span>
      ) : null}
    </div>
  );
}

function MembersTab(props: { chat: ChatView; me: string; admin: boolean }) {
  const { t } = useTranslation('messenger');
  const locale = useLocale();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const { chat, admin } = props;
  const input = { params: { chatId: chat.id as Cid }, query: { limit: 500 } };
  const members = useApiQuery(listChatMembers, input, { staleTime: 10_000 });
  const items = members.data?.items ?? [];
  const people = usePeople(items.map((m) => m.userId));
  const [adding, setAdding] = useState<string[]>([]);
  const owner = chat.myRole === 'owner';
  const mayAdd = chat.kind === 'group' && (admin || chat.settings.whoMayAdd === 'everyone');

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await members.refetch();
      await refreshChats(qc);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const add = () =>
    act(async () => {
      await api(addChatMembers, { params: input.params, body: { userIds: adding as Uid[] } });
      setAdding([]);
    });

  return (
    <div>
      {chat.kind === 'department' ? (
        <Typography.Paragraph type="secondary" data-testid="department-managed-note">
          <Tag bordered={false} color="blue">
            {t('department.tag')}
          </Tag>
          {t('settings.departmentNote')}
        </Typography.Paragraph>
      ) : null}
      {mayAdd ? (
        <div className="msg-add-members">
          <PeoplePicker
            value={adding}
            onChange={setAdding}
            exclude={items.map((m) => m.userId)}
            placeholder={t('settings.addMembers')}
            testId="add-members-picker"
          />
          <Button type="primary" disabled={adding.length === 0} onClick={() => void add()} data-testid="add-members-submit">
            {t('settings.add')}
          </Button>
        </div>
      ) : null}
      <div className="msg-member-list" data-testid="member-list">
        {items.map((m) => {
          const p = people.get(m.userId);
          const name = nameOf(p, locale);
          const menu = [
            ...(owner && m.role === 'member' ? [{ key: 'admin', label: t('settings.makeAdmin') }] : []),
            ...(owner && m.role === 'admin' ? [{ key: 'member', label: t('settings.revokeAdmin') }] : []),
            ...(owner && m.userId !== props.me && chat.kind === 'group'
              ? [{ key: 'transfer', label: t('settings.transfer') }]
              : []),
            ...(admin && m.userId !== props.me && m.role !== 'owner' && chat.kind !== 'department'
              ? [{ key: 'remove', danger: true, label: t('settings.remove') }]
              : []),
          ];
          const onMenu = ({ key }: { key: string }) => {
            const userId = m.userId as Uid;
            if (key === 'admin' || key === 'member')
              void act(() => api(setMemberRole, { params: { chatId: chat.id as Cid, userId }, body: { role: key } }));
            if (key === 'transfer')
              modal.confirm({
                title: t('settings.transferConfirm', { name }),
                onOk: () => act(() => api(transferOwnership, { params: { chatId: chat.id as Cid }, body: { userId } })),
              });
            if (key === 'remove')
              modal.confirm({
                title: t('settings.removeConfirm', { name }),
                okButtonProps: { danger: true },
                onOk: () => act(() => api(removeChatMember, { params: { chatId: chat.id as Cid, userId } })),
              });
          };
          return (
            <div key={m.userId} className="msg-member" data-testid={`member-${m.userId}`}>
              <PersonAvatar userId={m.userId} name={name} person={p} avatarUrl={p?.avatarUrl} size={32} />
              <span className="msg-member-name">{name}</span>
              {m.role !== 'member' ? (
                <Tag color={m.role === 'owner' ? 'gold' : m.role === 'admin' ? 'blue' : undefined}>
                  {t(`settings.roles.${m.role}`)}
                </Tag>
              ) : null}
              {menu.length ? (
                <Dropdown trigger={['click']} menu={{ items: menu, onClick: onMenu }}>
                  <Button type="text" size="small">
                    ···
                  </Button>
                </Dropdown>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SettingsTab({ chat, admin }: { chat: ChatView; admin: boolean }) {
  const { t } = useTranslation('messenger');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = async (change: { settings?: Partial<ChatSettings>; visibility?: 'private' | 'public' }) => {
    try {
      const next = await api(updateChat, { params: { chatId: chat.id as Cid }, body: change });
      patchChat(qc, chat.id, (c) => ({ ...c, settings: next.settings, visibility: next.visibility }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const who = [
    { value: 'everyone', label: t('settings.everyone') },
    { value: 'admins', label: t('settings.admins') },
  ];
  return (
    <div className="msg-info">
      {!admin ? <Typography.Paragraph type="secondary">{t('settings.readOnlyNote')}</Typography.Paragraph> : null}
      <div className="msg-setting-row">
        <span>{t('settings.whoMayAdd')}</span>
        <Select
          disabled={!admin}
          value={chat.settings.whoMayAdd}
          options={who}
          onChange={(v) => void save({ settings: { whoMayAdd: v } })}
          style={{ width: 170 }}
        />
      </div>
      <div className="msg-setting-row">
        <span>{t('settings.atAll')}</span>
        <Select
          disabled={!admin}
          value={chat.settings.atAll}
          options={who}
          onChange={(v) => void save({ settings: { atAll: v } })}
          style={{ width: 170 }}
        />
      </div>
      <div className="msg-setting-row">
        <span>{t('settings.historyVisible')}</span>
        <Switch
          disabled={!admin}
          checked={chat.settings.historyVisible}
          onChange={(v) => void save({ settings: { historyVisible: v } })}
        />
      </div>
      {chat.kind === 'group' ? (
        <div className="msg-setting-row">
          <span>{t('settings.visibility')}</span>
          <Switch
            disabled={!admin}
            checked={chat.visibility === 'public'}
            onChange={(v) => void save({ visibility: v ? 'public' : 'private' })}
          />
        </div>
      ) : null}
    </div>
  );
}
