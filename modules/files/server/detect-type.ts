import { fileTypeFromStream } from 'file-type';
import { Readable } from 'node:stream';

/**
 * What a file really is, decided from its bytes (the uploader's Content-Type and extension
 * are ignored), and how it may be served. Only raster images display in place; everything
 * else downloads, and types a browser would run (HTML, SVG, XML, scripts) are labelled
 * application/octet-stream so no browser ever renders them from our origin.
 */
export interface DetectedType {
  contentType: string;
  disposition: 'inline' | 'attachment';
}

// Raster formats browsers render without executing anything.
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

// Native programs: refused at upload (an archive still carries them when people must share one).
const EXECUTABLES = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/x-executable',
  'application/x-sharedlib',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
]);

// Types a browser might render or execute: stored and served, but only ever as opaque bytes.
const ACTIVE =
  /^(text\/html|application\/xhtml|image\/svg|application\/xml|text\/xml|application\/(x-)?javascript|text\/javascript|application\/wasm)/;

/** The first bytes of markup a browser might sniff as HTML/SVG/XML despite another label. */
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|!--)/i;

export function isExecutable(contentType: string): boolean {
  return EXECUTABLES.has(contentType);
}

/** Valid UTF-8 without NUL bytes is treated as text. */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character may be cut at the end of the sample: ignore the last 3 bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** Reads as little of `bytes` as the detector needs; `head` is the first few KiB for text sniffing. */
export async function detectType(bytes: Readable, head: Buffer): Promise<DetectedType> {
  let detected: string | undefined;
  try {
    // A web stream satisfies both the Node and the portable typings of file-type.
    detected = (await fileTypeFromStream(Readable.toWeb(bytes) as ReadableStream<Uint8Array>))?.mime;
  } finally {
    bytes.destroy();
  }
  if (detected) {
    if (INLINE_IMAGES.has(detected)) return { contentType: detected, disposition: 'inline' };
    if (ACTIVE.test(detected)) return { contentType: 'application/octet-stream', disposition: 'attachment' };
    return { contentType: detected, disposition: 'attachment' };
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (MARKUP.test(text)) return { contentType: 'application/octet-stream', disposition: 'attachment' };
  if (looksLikeText(head)) return { contentType: 'text/plain; charset=utf-8', disposition: 'attachment' };
  return { contentType: 'application/octet-stream', disposition: 'attachment' };
}

/** How a stored type is served (the policy may tighten after a file was stored). */
export function dispositionOf(contentType: string): 'inline' | 'attachment' {
  return INLINE_IMAGES.has(contentType) ? 'inline' : 'attachment';
}
