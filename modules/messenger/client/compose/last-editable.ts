/** The fields of a message that decide whether ↑ may reopen it for editing. */
interface Candidate {
  id: string;
  senderId: string;
  kind: string;
  recalled: boolean;
  threadRootId: string | null;
  createdAt: string;
}

/**
 * What ↑ in an empty composer edits: the newest message of the chat I sent, in words (text or
 * rich text), not recalled, still inside the org's edit window. Null when there is none.
 */
export function lastEditable<M extends Candidate>(items: readonly M[], me: string, windowMs: number, now = Date.now()): M | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const m = items[i];
    if (m.senderId !== me || m.threadRootId) continue;
    if (now - Date.parse(m.createdAt) > windowMs) return null; // older ones are further out still
    if (!m.recalled && (m.kind === 'text' || m.kind === 'post')) return m;
  }
  return null;
}
