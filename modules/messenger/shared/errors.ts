import { defineErrors } from '../../../platform/shared/errors.js';

export const messengerErrors = defineErrors({
  'chat.not_found': {
    status: 404,
    'en-US': 'This chat does not exist or you are not in it.',
    'zh-CN': '该会话不存在，或你不是其成员。',
    'ja-JP': 'このチャットは存在しないか、参加していません。',
  },
  'chat.forbidden': {
    status: 403,
    'en-US': 'Only the owner or an admin of this group can do that.',
    'zh-CN': '只有群主或群管理员可以执行此操作。',
    'ja-JP': 'この操作はグループのオーナーまたは管理者のみ行えます。',
  },
  'chat.read_only': {
    status: 403,
    'en-US': 'Only the channel’s editors can post here.',
    'zh-CN': '只有频道编辑者可以在此发言。',
    'ja-JP': 'このチャンネルに投稿できるのは編集者のみです。',
  },
  'chat.too_many_admins': {
    status: 409,
    'en-US': 'A group can have at most {{max}} admins.',
    'zh-CN': '一个群最多可以有 {{max}} 位管理员。',
    'ja-JP': 'グループの管理者は最大 {{max}} 人です。',
  },
  'chat.owner_cannot_leave': {
    status: 409,
    'en-US': 'Transfer the group to someone else before leaving it.',
    'zh-CN': '请先转让群主，再退出该群。',
    'ja-JP': 'グループを抜ける前に、オーナーを他の人に譲渡してください。',
  },
  'chat.not_public': {
    status: 403,
    'en-US': 'This group can only be joined by invitation.',
    'zh-CN': '该群仅限邀请加入。',
    'ja-JP': 'このグループには招待でのみ参加できます。',
  },
  'chat.department_managed': {
    status: 409,
    'en-US': 'Members of a department group follow the department; change the department instead.',
    'zh-CN': '部门群成员随部门自动变化，请调整部门成员。',
    'ja-JP': '部署グループのメンバーは部署に連動します。部署のメンバーを変更してください。',
  },
  'chat.direct_self': {
    status: 400,
    'en-US': 'You cannot start a direct chat with yourself.',
    'zh-CN': '不能和自己发起单聊。',
    'ja-JP': '自分自身とのダイレクトチャットは開始できません。',
  },
  'message.not_found': {
    status: 404,
    'en-US': 'This message does not exist or you cannot see it.',
    'zh-CN': '该消息不存在或你无权查看。',
    'ja-JP': 'このメッセージは存在しないか、閲覧できません。',
  },
  'message.unknown_kind': {
    status: 400,
    'en-US': 'Unknown message type "{{kind}}".',
    'zh-CN': '未知的消息类型“{{kind}}”。',
    'ja-JP': '不明なメッセージ種別「{{kind}}」です。',
  },
  'message.too_long': {
    status: 400,
    'en-US': 'A message can have at most {{max}} characters.',
    'zh-CN': '消息最多 {{max}} 个字符。',
    'ja-JP': 'メッセージは最大 {{max}} 文字です。',
  },
  'message.invalid_content': {
    status: 400,
    'en-US': 'The message content is not valid for its type.',
    'zh-CN': '消息内容与其类型不符。',
    'ja-JP': 'メッセージの内容が種別に合っていません。',
  },
  'message.edit_window_passed': {
    status: 409,
    'en-US': 'Messages can only be changed within {{hours}} hours of sending.',
    'zh-CN': '消息只能在发送后 {{hours}} 小时内修改或撤回。',
    'ja-JP': 'メッセージは送信後 {{hours}} 時間以内のみ変更・取り消しできます。',
  },
  'message.not_yours': {
    status: 403,
    'en-US': 'You can only change your own messages.',
    'zh-CN': '你只能修改自己的消息。',
    'ja-JP': '自分のメッセージのみ変更できます。',
  },
  'message.recalled': {
    status: 409,
    'en-US': 'This message was recalled.',
    'zh-CN': '该消息已撤回。',
    'ja-JP': 'このメッセージは取り消されました。',
  },
  'message.at_all_forbidden': {
    status: 403,
    'en-US': 'Only the group’s admins can mention everyone.',
    'zh-CN': '只有群管理员可以 @所有人。',
    'ja-JP': '全員へのメンションはグループ管理者のみ行えます。',
  },
  'message.file_forbidden': {
    status: 403,
    'en-US': 'You can only send files you uploaded or can open.',
    'zh-CN': '你只能发送自己上传或有权打开的文件。',
    'ja-JP': '送信できるのは、自分がアップロードしたか開けるファイルのみです。',
  },
  'message.receipts_unavailable': {
    status: 409,
    'en-US': 'Read receipts are shown for chats of up to {{max}} members.',
    'zh-CN': '仅成员不超过 {{max}} 人的会话显示已读回执。',
    'ja-JP': '既読表示はメンバー {{max}} 人以下のチャットのみです。',
  },
});
