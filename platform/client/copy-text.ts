/** Puts `text` on the clipboard, also on plain-http origins (a LAN install) that have no clipboard API. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (insecure origin) or no permission: fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** The full address of an in-app path, to paste into a chat or an email. */
export function linkTo(path: string): string {
  return new URL(path, window.location.origin).href;
}
