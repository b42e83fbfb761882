const CREATED = Buffer.from('"type":"message.created"');
const SEQ = Buffer.from('"seq":');
const CLIENT_ID = Buffer.from('"clientId":"');

/** The integer after the first `key` (the message's own seq: the envelope's seq comes last). */
function numberAfter(frame: Buffer, key: Buffer): number {
  let i = frame.indexOf(key) + key.length;
  let n = 0;
  for (let c = frame[i]; c >= 48 && c <= 57; c = frame[++i]) n = n * 10 + c - 48;
  return n;
}

/** The ASCII string value after `key` (bench client ids need no unescaping). */
function stringAfter(frame: Buffer, key: Buffer): string {
  const start = frame.indexOf(key) + key.length;
  return frame.toString('latin1', start, frame.indexOf(34, start));
}

/**
 * Bookkeeping of what each client received, for a chat whose messages are numbered 1, 2, 3 …
 * by the server: exactly-once and in-order checks, send-to-receive latency while `measuring`.
 */
export class Deliveries {
  /** seen[client][seq] = times received. Grows as seqs grow. */
  private seen: Uint8Array[];
  private lastSeq: Int32Array;
  private sentAt = new Map<string, number>();
  latencies: number[] = [];
  measuring = false;
  /** Deliveries of message.created frames so far, and when the latest arrived. */
  received = 0;
  lastReceivedAt = 0;
  duplicated = 0;
  outOfOrder = 0;

  constructor(readonly clients: number) {
    this.seen = Array.from({ length: clients }, () => new Uint8Array(1024));
    this.lastSeq = new Int32Array(clients);
  }

  /** `at` is when the send was scheduled (open loop), not when it left: a late sender is counted as latency. */
  noteSent(clientId: string, at: number): void {
    if (this.measuring) this.sentAt.set(clientId, at);
  }

  /** The fleet's frame handler: a `message.created` event reached `client`. */
  onFrame = (client: number, frame: Buffer): void => {
    const now = performance.now();
    if (frame.indexOf(CREATED) < 0) return;
    const seq = numberAfter(frame, SEQ);
    const clientId = stringAfter(frame, CLIENT_ID);
    this.received++;
    this.lastReceivedAt = now;
    let seen = this.seen[client];
    if (seq >= seen.length) {
      const grown = new Uint8Array(Math.max(seq + 1, seen.length * 2));
      grown.set(seen);
      this.seen[client] = seen = grown;
    }
    if (seen[seq] > 0) this.duplicated++;
    else if (seq < this.lastSeq[client]) this.outOfOrder++;
    seen[seq] = Math.min(255, seen[seq] + 1);
    if (seq > this.lastSeq[client]) this.lastSeq[client] = seq;
    if (this.measuring) {
      const sent = this.sentAt.get(clientId);
      if (sent !== undefined) this.latencies.push(now - sent);
    }
  };

  /** Waits until `expected` deliveries arrived, or nothing new came for `idleMs`. */
  async settle(expected: number, idleMs = 5000): Promise<void> {
    let last = this.received;
    let lastChange = Date.now();
    while (this.received < expected) {
      await new Promise((r) => setTimeout(r, 10));
      if (this.received !== last) {
        last = this.received;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > idleMs) return;
    }
  }

  /** Deliveries missing for seqs firstSeq..lastSeq, summed over clients. */
  lost(lastSeq: number, firstSeq = 1): number {
    let lost = 0;
    for (const seen of this.seen) {
      for (let s = firstSeq; s <= lastSeq; s++) if (!(s < seen.length && seen[s] > 0)) lost++;
    }
    return lost;
  }
}
