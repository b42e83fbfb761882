import { route, type RouteDef } from '../../../platform/server/http/route.js';
import * as c from '../shared/contract.js';
import { addChatMembersUseCase, joinChatUseCase, listChatMembersUseCase } from './chat-members.js';
import { createChatUseCase } from './create-chat.js';
import { createDepartmentChatUseCase } from './department-chats.js';
import { getChatUseCase } from './get-chat.js';
import { listMyChatsUseCase, listPublicChatsUseCase } from './list-chats.js';
import { markReadUseCase } from './mark-read.js';
import { setMutedUseCase, setNotifyLevelUseCase } from './notify-level.js';
import { removeChatMemberUseCase } from './member-removal.js';
import { setMemberRoleUseCase, transferOwnershipUseCase } from './member-roles.js';
import { openDirectChatUseCase } from './open-direct-chat.js';
import { getReceiptsUseCase } from './receipts.js';
import { getUnreadUseCase } from './unread.js';
import { setAnnouncementUseCase, updateChatUseCase } from './update-chat.js';

/** Routes for chats, membership, read state and receipts. */
export function chatRoutes(): RouteDef[] {
  return [
    route(c.createChat, ({ ctx, caller, body }) => createChatUseCase(ctx, caller, body)),
    route(c.openDirectChat, ({ ctx, caller, body }) => openDirectChatUseCase(ctx, caller, body.userId)),
    route(c.createDepartmentChat, ({ ctx, caller, body }) => createDepartmentChatUseCase(ctx, caller, body)),
    route(c.listMyChats, ({ ctx, caller, query }) => listMyChatsUseCase(ctx, caller, query)),
    route(c.listPublicChats, ({ ctx, caller, query }) => listPublicChatsUseCase(ctx, caller, query)),
    route(c.getChat, ({ db, caller, params }) => getChatUseCase(db, caller, params.chatId)),
    route(c.updateChat, ({ ctx, caller, params, body }) => updateChatUseCase(ctx, caller, params.chatId, body)),
    route(c.setAnnouncement, ({ ctx, caller, params, body }) => setAnnouncementUseCase(ctx, caller, params.chatId, body.text)),
    route(c.listChatMembers, ({ db, caller, params, query }) => listChatMembersUseCase(db, caller, params.chatId, query)),
    route(c.addChatMembers, ({ ctx, caller, params, body }) => addChatMembersUseCase(ctx, caller, params.chatId, body.userIds)),
    route(c.removeChatMember, ({ ctx, caller, params }) => removeChatMemberUseCase(ctx, caller, params.chatId, params.userId)),
    route(c.joinChat, ({ ctx, caller, params }) => joinChatUseCase(ctx, caller, params.chatId)),
    route(c.setMemberRole, ({ ctx, caller, params, body }) =>
      setMemberRoleUseCase(ctx, caller, params.chatId, params.userId, body.role),
    ),
    route(c.transferOwnership, ({ ctx, caller, params, body }) =>
      transferOwnershipUseCase(ctx, caller, params.chatId, body.userId),
    ),
    route(c.setMuted, ({ ctx, caller, params, body }) => setMutedUseCase(ctx, caller, params.chatId, body.muted)),
    route(c.setNotifyLevel, ({ ctx, caller, params, body }) => setNotifyLevelUseCase(ctx, caller, params.chatId, body.level)),
    route(c.markRead, ({ ctx, caller, params, body }) => markReadUseCase(ctx, caller, params.chatId, body.seq)),
    route(c.getUnread, ({ db, caller }) => getUnreadUseCase(db, caller)),
    route(c.getReceipts, ({ db, caller, params }) => getReceiptsUseCase(db, caller, params.messageId)),
  ];
}
