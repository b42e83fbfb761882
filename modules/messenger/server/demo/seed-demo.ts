import type { AppContext } from '../../../../platform/server/app-context.js';
import type { Caller } from '../../../../platform/server/permissions.js';
import type { UserId } from '../../../../platform/shared/ids.js';
import { findMemberByEmail, loadCallerProfile } from '../../../org/server/index.js';
// Demo data only: the org demo's cast, to find the same people by their e-mail addresses.
import { DEMO_DOMAIN, DEMO_PEOPLE as PEOPLE } from '../../../org/server/index.js';
import { createChatUseCase } from '../create-chat.js';
import { advanceReadSeq } from '../mark-read.js';
import { setMemberRoleUseCase } from '../member-roles.js';
import type { MessageTypeRegistry } from '../message-type-registry.js';
import { openDirectChatUseCase } from '../open-direct-chat.js';
import { setPinUseCase } from '../pins.js';
import { setReactionUseCase } from '../reactions.js';
import { postMessage } from '../send-message.js';
import type { MessengerDb } from '../tables.js';
import { setAnnouncementUseCase } from '../update-chat.js';
import { CHANNEL, channelScript, GLOBAL_GROUP, globalScript, type Line, PROJECT_GROUP, projectScript } from './script.js';
import { WEEK_CHATS, type WeekChat } from './week-chats.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
/** The accounts the README names: each must open a messenger with several live chats. */
const README_PEOPLE = ['admin', 'hrd', 'hrbp', 'cto'];

/** Beijing midnights of the `count` workdays before today, oldest first. */
function lastWorkdays(count: number): number[] {
  const days: number[] = [];
  for (let d = Math.floor((Date.now() + BEIJING) / DAY) - 1; days.length < count; d--) {
    const weekday = new Date(d * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.unshift(d * DAY - BEIJING);
  }
  return days;
}

/** Demo people by their org-demo key; absent (or deactivated) people are skipped. */
async function castOf(ctx: AppContext): Promise<Map<string, { id: string; name: string; caller: Caller }>> {
  const cast = new Map<string, { id: string; name: string; caller: Caller }>();
  for (const p of PEOPLE) {
    const found = await findMemberByEmail(ctx.db, `${p.email}@${DEMO_DOMAIN}`);
    if (found?.status !== 'active') continue;
    const profile = await loadCallerProfile(ctx.db, found.id);
    if (!profile) continue;
    cast.set(p.key, {
      id: found.id,
      name: p.name,
      caller: {
        userId: found.id as UserId,
        roles: profile.roles,
        scopePaths: profile.scopePaths,
        locale: profile.locale,
        timezone: profile.timezone,
      },
    });
  }
  return cast;
}

/**
 * Writes one chat's script through the real send path (seqs, mentions, replies, threads,
 * inbox items), dated into the past so the history looks lived-in, then the reactions.
 */
async function play(
  ctx: AppContext,
  types: MessageTypeRegistry,
  cast: Awaited<ReturnType<typeof castOf>>,
  chatId: string,
  tag: string,
  lines: Line[],
  startsAt: number,
) {
  const ids: string[] = [];
  for (const [i, line] of lines.entries()) {
    const who = cast.get(line.from);
    if (!who) {
      ids.push('');
      continue;
    }
    const text = line.text.replace(/\{@(\w+)\}/g, (_, key: string) => {
      if (key === 'all') return '<at user_id="all">所有人</at>';
      const p = cast.get(key);
      return p ? `<at user_id="${p.id}">${p.name}</at>` : '';
    });
    // Announcements are rich text (`post`) with a title; everything else plain text with mentions.
    const post = { title: line.title, content: [[{ tag: 'text', text: line.text.replace(/\{@\w+\}/g, '') }]] };
    const message = await postMessage(ctx, types, who.id, chatId, {
      clientId: `demo-${tag}-${i}`,
      kind: line.title ? 'post' : 'text',
      content: line.title ? post : { text },
      replyToId: line.replyTo !== undefined && ids[line.replyTo] ? ids[line.replyTo] : undefined,
      threadRootId: line.thread !== undefined && ids[line.thread] ? ids[line.thread] : undefined,
      createdAt: startsAt + line.at * MINUTE,
    });
    ids.push(message.id);
  }
  for (const [i, line] of lines.entries()) {
    for (const reaction of line.reactions ?? []) {
      for (const key of reaction.by) {
        const who = cast.get(key);
        if (who && ids[i]) await setReactionUseCase(ctx, who.caller, ids[i], reaction.emoji, true).catch(() => {});
      }
    }
  }
  return ids;
}

/** Everybody has read the chat except the last `unread` messages for some of them. */
async function readPositions(
  ctx: AppContext,
  chatId: string,
  memberIds: string[],
  lastSeq: number,
  unreadFor: Map<string, number>,
) {
  for (const id of memberIds) await readUpTo(ctx.db, chatId, id, Math.max(0, lastSeq - (unreadFor.get(id) ?? 0)));
}

/** Moves a read position, and marks the inbox items (direct messages, mentions, replies) it passed as read. */
async function readUpTo(db: MessengerDb, chatId: string, userId: string, seq: number) {
  await advanceReadSeq(db, chatId, userId, seq);
  const passed = db.selectFrom('msg_messages').select('id').where('chat_id', '=', chatId).where('seq', '<=', seq);
  await db
    .updateTable('msg_inbox')
    .set({ read_at: Date.now() })
    .where('user_id', '=', userId)
    .where('chat_id', '=', chatId)
    .where('message_id', 'in', passed)
    .where('read_at', 'is', null)
    .execute();
}

/**
 * The messenger's demo data (`npm run demo`, after the org demo): the Jinyun new-line project
 * group in Chinese, an English cross-border launch group and the company announcement channel.
 * Idempotent: when the project group exists nothing is written again.
 */
export async function seedMessengerDemo(ctx: AppContext, types: MessageTypeRegistry): Promise<void> {
  const db: MessengerDb = ctx.db;
  if (await db.selectFrom('msg_chats').select('id').where('name', '=', PROJECT_GROUP.name).executeTakeFirst()) {
    ctx.log.info('demo: the messenger demo chats exist already; left as they are');
    return;
  }
  const cast = await castOf(ctx);
  const owner = (key: string) => cast.get(key);
  if (!owner(PROJECT_GROUP.owner) || !owner(GLOBAL_GROUP.owner) || !owner(CHANNEL.owner)) {
    ctx.log.warn('demo: the demo organization is missing; no messenger demo data');
    return;
  }
  const idsOf = (keys: string[]) =>
    keys.map((k) => cast.get(k)?.id as UserId | undefined).filter((id): id is UserId => Boolean(id));
  const daysAgo = (d: number) => {
    const day = new Date();
    day.setUTCHours(0, 0, 0, 0);
    return day.getTime() - d * 86_400_000 - 8 * 3_600_000; // scripts count minutes from 08:00 Beijing time
  };
  const admin = cast.get('admin');

  // The project group (Chinese).
  const project = await createChatUseCase(ctx, owner(PROJECT_GROUP.owner)!.caller, {
    kind: 'group',
    name: PROJECT_GROUP.name,
    description: PROJECT_GROUP.description,
    visibility: 'private',
    memberIds: idsOf(PROJECT_GROUP.members),
  });
  await setMemberRoleUseCase(ctx, owner(PROJECT_GROUP.owner)!.caller, project.id, cast.get('jy_lead')!.id, 'admin');
  const projectLines = projectScript();
  const projectIds = await play(
    ctx,
    types,
    cast,
    project.id,
    'project',
    projectLines,
    daysAgo(Math.ceil(projectLines.at(-1)!.at / 1440) + 1),
  );
  await setAnnouncementUseCase(ctx, owner(PROJECT_GROUP.owner)!.caller, project.id, PROJECT_GROUP.announcement);

  // The cross-border group (English).
  const global = await createChatUseCase(ctx, owner(GLOBAL_GROUP.owner)!.caller, {
    kind: 'group',
    name: GLOBAL_GROUP.name,
    description: GLOBAL_GROUP.description,
    visibility: 'public',
    memberIds: idsOf(GLOBAL_GROUP.members),
  });
  const globalLines = globalScript();
  await play(ctx, types, cast, global.id, 'global', globalLines, daysAgo(Math.ceil(globalLines.at(-1)!.at / 1440) + 2));
  await setAnnouncementUseCase(ctx, owner(GLOBAL_GROUP.owner)!.caller, global.id, GLOBAL_GROUP.announcement);

  // The announcement channel (the whole company subscribes; the CEO and HR post).
  const channel = await createChatUseCase(ctx, owner(CHANNEL.owner)!.caller, {
    kind: 'channel',
    name: CHANNEL.name,
    description: CHANNEL.description,
    visibility: 'private',
    memberIds: [],
  });
  for (const id of idsOf(CHANNEL.editors)) await setMemberRoleUseCase(ctx, owner(CHANNEL.owner)!.caller, channel.id, id, 'admin');
  const channelLines = channelScript();
  await play(ctx, types, cast, channel.id, 'channel', channelLines, daysAgo(Math.ceil(channelLines.at(-1)!.at / 1440) + 3));

  // The announcement points at the pinned issue list: pin it.
  const checklist = projectLines.findIndex((l) => l.text.startsWith('设备验收问题清单'));
  await setPinUseCase(ctx, owner(PROJECT_GROUP.owner)!.caller, projectIds[checklist], true);

  // Read positions: most people are up to date; the demo admin has a few unread everywhere.
  for (const chat of [project, global, channel]) {
    const row = await db.selectFrom('msg_chats').select('last_seq').where('id', '=', chat.id).executeTakeFirstOrThrow();
    const members = await db.selectFrom('msg_members').select('user_id').where('chat_id', '=', chat.id).execute();
    const unread = new Map<string, number>();
    if (admin) unread.set(admin.id, chat.id === channel.id ? 1 : chat.id === project.id ? 12 : 5);
    for (const [k, key] of ['jy3', 'jy4', 'eu2', 'na1'].entries()) if (cast.get(key)) unread.set(cast.get(key)!.id, 3 + k * 4);
    await readPositions(
      ctx,
      chat.id,
      members.map((m) => m.user_id),
      Number(row.last_seq),
      unread,
    );
  }
  const weekMessages = await playWeek(ctx, types, cast);
  ctx.log.info(
    { messages: projectLines.length + globalLines.length + channelLines.length + weekMessages },
    "demo: messenger chats created (project group, cross-border group, announcement channel, last week's groups and direct chats)",
  );
}

/**
 * Last week's groups and direct chats (week-chats.ts), dated onto the five workdays before today.
 * The README's accounts have not yet read what others wrote on the last day.
 */
async function playWeek(ctx: AppContext, types: MessageTypeRegistry, cast: Awaited<ReturnType<typeof castOf>>): Promise<number> {
  const db: MessengerDb = ctx.db;
  const days = lastWorkdays(5);
  let written = 0;
  for (const [n, chat] of WEEK_CHATS.entries()) {
    const ownerKey = chat.kind === 'group' ? chat.owner : chat.between[0];
    const owner = cast.get(ownerKey);
    if (!owner) continue;
    const view =
      chat.kind === 'group'
        ? await createChatUseCase(ctx, owner.caller, {
            kind: 'group',
            name: chat.name,
            description: chat.description,
            visibility: 'private',
            memberIds: chat.members.map((k) => cast.get(k)?.id as UserId).filter(Boolean),
          })
        : cast.get(chat.between[1])
          ? await openDirectChatUseCase(ctx, owner.caller, cast.get(chat.between[1])!.id)
          : undefined;
    if (!view) continue;
    const lines: Line[] = chat.lines.map(({ day, time, pinned: _, ...line }) => {
      const [h, m] = time.split(':').map(Number);
      return { ...line, at: (days[day] - days[0]) / MINUTE + h * 60 + m };
    });
    const ids = await play(ctx, types, cast, view.id, `week${n}`, lines, days[0]);
    for (const [i, line] of chat.lines.entries()) if (line.pinned && ids[i]) await setPinUseCase(ctx, owner.caller, ids[i], true);
    written += lines.length;
    await readWeek(db, cast, view.id, chat);
  }
  return written;
}

/** Everybody has read the chat, except that the README's people missed the last day's news from others. */
async function readWeek(db: MessengerDb, cast: Awaited<ReturnType<typeof castOf>>, chatId: string, chat: WeekChat) {
  const row = await db.selectFrom('msg_chats').select('last_seq').where('id', '=', chatId).executeTakeFirstOrThrow();
  const members = await db.selectFrom('msg_members').select('user_id').where('chat_id', '=', chatId).execute();
  const keyOf = new Map([...cast].map(([key, p]) => [p.id, key]));
  const lastDay = chat.lines.at(-1)!.day;
  for (const { user_id } of members) {
    const key = keyOf.get(user_id) ?? '';
    let unread = 0;
    if (README_PEOPLE.includes(key)) {
      for (let i = chat.lines.length - 1; i >= 0 && chat.lines[i].day === lastDay && chat.lines[i].from !== key; i--) unread++;
    }
    await readUpTo(db, chatId, user_id, Math.max(0, Number(row.last_seq) - unread));
  }
}
