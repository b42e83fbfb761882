import type { Catalogs } from '../shared/i18n.js';

/** Words every screen shares (actions, generic states); module catalogs hold the rest. */
const en = {
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    create: 'Create',
    edit: 'Edit',
    delete: 'Delete',
    revoke: 'Revoke',
    copy: 'Copy',
    copied: 'Copied',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    close: 'Close',
    retry: 'Retry',
    confirm: 'Confirm',
    more: 'Load more',
  },
  states: {
    loading: 'Loading…',
    empty: 'Nothing here yet',
    saved: 'Saved',
    areYouSure: 'Are you sure?',
  },
  errors: {
    network: 'Cannot reach the server. Check your connection and try again.',
    loadFailed: 'This could not be loaded.',
    notFound: 'This page does not exist.',
  },
  fields: {
    language: 'Language',
    timezone: 'Time zone',
    required: 'Required',
  },
};

export type CommonCatalog = typeof en;

export const commonCatalogs: Catalogs<CommonCatalog> = {
  'en-US': en,
  'zh-CN': {
    actions: {
      save: '保存',
      cancel: '取消',
      create: '创建',
      edit: '编辑',
      delete: '删除',
      revoke: '撤销',
      copy: '复制',
      copied: '已复制',
      copyLink: '复制链接',
      linkCopied: '链接已复制',
      close: '关闭',
      retry: '重试',
      confirm: '确认',
      more: '加载更多',
    },
    states: {
      loading: '加载中…',
      empty: '暂无内容',
      saved: '已保存',
      areYouSure: '确定吗？',
    },
    errors: {
      network: '无法连接服务器，请检查网络后重试。',
      loadFailed: '加载失败。',
      notFound: '页面不存在。',
    },
    fields: {
      language: '语言',
      timezone: '时区',
      required: '必填',
    },
  },
  'ja-JP': {
    actions: {
      save: '保存',
      cancel: 'キャンセル',
      create: '作成',
      edit: '編集',
      delete: '削除',
      revoke: '取り消す',
      copy: 'コピー',
      copied: 'コピーしました',
      copyLink: 'リンクをコピー',
      linkCopied: 'リンクをコピーしました',
      close: '閉じる',
      retry: '再試行',
      confirm: '確認',
      more: 'さらに読み込む',
    },
    states: {
      loading: '読み込み中…',
      empty: 'まだ何もありません',
      saved: '保存しました',
      areYouSure: 'よろしいですか？',
    },
    errors: {
      network: 'サーバーに接続できません。接続を確認してもう一度お試しください。',
      loadFailed: '読み込めませんでした。',
      notFound: 'このページは存在しません。',
    },
    fields: {
      language: '言語',
      timezone: 'タイムゾーン',
      required: '必須',
    },
  },
};
