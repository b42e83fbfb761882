/**
 * How far the reader has seen a chat, from what is on screen: up to the last message at least
 * half a screen (or all) of which is above the bottom edge. Thread replies have seqs between
 * the main messages and never show here, so seeing a message covers the seqs up to the next
 * one; seeing the last message of a window that ends at the newest covers everything
 * (`Infinity`, clamped by the caller to the chat's newest seq).
 */
export function seenSeq(scroller: HTMLElement, messages: HTMLElement[], windowIsNewest: boolean): number {
  const view = scroller.getBoundingClientRect();
  const half = scroller.clientHeight / 2;
  const seen = (node: HTMLElement) => {
    const r = node.getBoundingClientRect();
    return r.top + Math.min(r.height, half) <= view.bottom + 1;
  };
  // Messages are in order down the page: find the last one seen.
  let lo = 0;
  let hi = messages.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (seen(messages[mid])) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (last < 0) return 0;
  const next = messages[last + 1];
  if (next) return Number(next.dataset.seq) - 1;
  return windowIsNewest ? Number.POSITIVE_INFINITY : Number(messages[last].dataset.seq);
}
