/**
 * Display names for uploaded files. The name a browser sends is untrusted text: it never
 * becomes a path (bytes are stored under generated keys), and it is cleaned before it is
 * shown or put in a Content-Disposition header.
 */

const MAX_NAME = 200;
// C0/C1 controls (NUL, CR, LF …) and bidi overrides that can disguise `gpj.exe` as `exe.jpg`.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Keeps the last path segment, drops control and bidi characters, bounds the length. */
export function sanitizeFileName(raw: string | undefined): string {
  let name = (raw ?? '').normalize('NFC').replace(UNSAFE_CHARS, '');
  // Both separators: a Windows browser may send `C:\Users\me\report.pdf`.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (!name) return 'file';
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves a few characters the header grammar forbids. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `inline|attachment; filename="ascii fallback"; filename*=UTF-8''…` so every browser gets the
 * real (e.g. Chinese) name and older ones a safe ASCII approximation.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
