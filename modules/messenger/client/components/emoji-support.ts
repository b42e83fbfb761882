// Emoji newer than the reader's system font show as empty boxes: the picker offers only the Unicode
// emoji versions this browser draws. For each version, newest first, one emoji of it is drawn on a
// canvas: a colour glyph no wider than one emoji means that version (and all older) is supported.

const hexToEmoji = (hex: string) =>
  hex
    .split('-')
    .map((h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .join('');

/** The newest emoji version this browser draws, or Infinity when it cannot tell (then nothing is hidden). */
export function newestDrawnVersion(versions: Record<string, string[]>): number {
  const ctx =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return Number.POSITIVE_INFINITY;
  ctx.canvas.width = 40;
  ctx.canvas.height = 40;
  ctx.font = '24px "Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif';
  ctx.textBaseline = 'top';
  const one = ctx.measureText('😀').width;
  const drawn = (emoji: string) => {
    // A sequence the font cannot join draws as its parts side by side: wider than one emoji.
    if (ctx.measureText(emoji).width > one * 1.3) return false;
    ctx.clearRect(0, 0, 40, 40);
    ctx.fillText(emoji, 0, 0);
    const px = ctx.getImageData(0, 0, 40, 40).data;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] !== px[i + 1] || px[i + 1] !== px[i + 2])) return true;
    return false;
  };
  const newestFirst = Object.keys(versions)
    .map(Number)
    .filter((v) => v > 0)
    .sort((a, b) => b - a);
  for (const v of newestFirst) {
    const list = versions[String(v)] ?? [];
    // One code point where the version has one, asked for in colour (FE0F): some (⚧, ♟) default to text.
    const single = list.find((h) => !h.includes('-'));
    const probe = single ? `${hexToEmoji(single)}\ufe0f` : list[0] && hexToEmoji(list[0]);
    if (probe && drawn(probe)) return v;
  }
  // Not even the oldest draws in colour (no colour emoji font, or a blocked canvas): hide nothing.
  return Number.POSITIVE_INFINITY;
}

/** Hexcode → emoji version, for hiding what the browser cannot draw. */
export function versionsByHexcode(versions: Record<string, string[]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [v, list] of Object.entries(versions)) for (const h of list) out.set(h, Number(v));
  return out;
}
