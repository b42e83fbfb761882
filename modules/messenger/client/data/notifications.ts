import type { NotifyLevel, UserMessengerEvent } from '../../shared/types.js';

type InboxKind = Extract<UserMessengerEvent, { type: 'messenger.inbox' }>['item']['kind'];

/*
 * Desktop notifications through the browser's Notification API: asked for on a click (browsers
 * ignore requests without a user gesture), shown only for inbox events while the tab is hidden.
 */

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

/**
 * Whether an inbox event may become a desktop notification: never while I am in do-not-disturb
 * (presence's state, the one DND), never for a chat at level "nothing", and for a chat at
 * "mentions" only when it mentions me. An unknown chat (not in the list yet) notifies as "all".
 */
export function shouldNotify(input: { kind: InboxKind; level: NotifyLevel | undefined; dnd: boolean }): boolean {
  if (input.dnd) return false;
  const level = input.level ?? 'all';
  if (level === 'nothing') return false;
  if (level === 'mentions') return input.kind === 'mention';
  return true;
}

/** Call from a click handler. */
export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!notificationsSupported()) return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Shows one notification when allowed and the tab is in the background; a click focuses the chat. */
export function notifyDesktop(title: string, body: string, tag: string, onClick: () => void): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible') return;
  try {
    const n = new Notification(title, { body: body.slice(0, 200), tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some mobile browsers only notify through a service worker; the inbox still has it.
  }
}
