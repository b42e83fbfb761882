import type { Catalogs } from '../../../platform/shared/i18n.js';

/** Strings of the shell itself: layout, account menu, fallback pages. */
const en = {
  brand: 'Skein',
  menu: {
    account: 'Account',
    settings: 'Settings',
    signOut: 'Sign out',
  },
  notFound: {
    title: 'Page not found',
    back: 'Back to the start',
  },
  crash: {
    title: 'Something went wrong',
    reload: 'Reload',
  },
  admin: { title: 'Admin console' },
};

export const shellCatalogs: Catalogs<typeof en> = {
  'en-US': en,
  'zh-CN': {
    brand: 'Skein',
    menu: { account: '账号', settings: '设置', signOut: '退出登录' },
    notFound: { title: '页面不存在', back: '返回首页' },
    crash: { title: '出错了', reload: '重新加载' },
    admin: { title: '管理后台' },
  },
  'ja-JP': {
    brand: 'Skein',
    menu: { account: 'アカウント', settings: '設定', signOut: 'ログアウト' },
    notFound: { title: 'ページが見つかりません', back: '最初のページに戻る' },
    crash: { title: 'エラーが発生しました', reload: '再読み込み' },
    admin: { title: '管理コンソール' },
  },
};
