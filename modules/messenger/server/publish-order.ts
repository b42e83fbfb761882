/**
 * A send that allocated a seq and has not yet been published or rolled back.
 * `publish` is set once its transaction committed.
 */
export interface SeqClaim {
  readonly chatId: string;
  readonly seq: number;
  publish?: () => void;
}

/**
 * Releases `message.created` per chat in seq order on this node.
 *
 * Two sends to one chat commit in seq order (the chat row lock hands out the numbers), but on
 * PostgreSQL their COMMIT answers can reach Node in either order: the first backend releases the
 * lock, may be preempted before it answers, and the second send runs to completion meanwhile.
 * Under load on two cores a few sends in a thousand overtook their predecessor on the socket.
 * So a send claims its seq the moment it allocates it, and its publish waits until every lower
 * claim of this node has been published or abandoned (rolled back). A rolled-back seq is handed
 * out again, so two claims may share a number for a moment; the abandoned one is dropped. Sends
 * on other nodes are not ordered against these; clients place messages by seq anyway.
 */
export class PublishOrder {
  private readonly chats = new Map<string, SeqClaim[]>();

  claim(chatId: string, seq: number): SeqClaim {
    const claim: SeqClaim = { chatId, seq };
    let line = this.chats.get(chatId);
    if (!line) {
      line = [];
      this.chats.set(chatId, line);
    }
    // Claims arrive almost in order; insert from the back.
    let i = line.length;
    while (i > 0 && line[i - 1].seq > seq) i--;
    line.splice(i, 0, claim);
    return claim;
  }

  /** The claim's send committed: `publish` runs (synchronously) once no lower claim is pending. */
  release(claim: SeqClaim, publish: () => void): void {
    claim.publish = publish;
    this.drain(claim.chatId);
  }

  /** The claim's transaction failed: it no longer holds back the claims behind it. */
  abandon(claim: SeqClaim): void {
    const line = this.chats.get(claim.chatId);
    const i = line?.indexOf(claim) ?? -1;
    if (!line || i < 0) return;
    line.splice(i, 1);
    this.drain(claim.chatId);
  }

  private drain(chatId: string): void {
    const line = this.chats.get(chatId);
    if (!line) return;
    while (line.length > 0 && line[0].publish) {
      const next = line.shift() as SeqClaim;
      try {
        next.publish?.();
      } catch {
        // The publisher logs its own failures; the claims behind it must still go out.
      }
    }
    if (line.length === 0) this.chats.delete(chatId);
  }
}

/** One per process: chat ids are unique, and every send of this node goes through it. */
export const createdOrder = new PublishOrder();
