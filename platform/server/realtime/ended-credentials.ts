import type { Caller } from '../permissions.js';

// Far longer than an upgrade takes (resolving the caller, then the 101 handshake).
const KEEP_MS = 60_000;

interface Ended {
  at: number;
  userId: string;
  sessionId?: string;
  tokenId?: string;
}

/**
 * Credentials this node recently saw end (disconnects, local or from other nodes). A socket's
 * caller is resolved before the upgrade and the socket starts after it; a disconnect landing in
 * between finds no socket to close, so the socket checks here when it starts. Times are this
 * process's monotonic clock: a disconnect is recorded after its database change committed, so
 * a caller resolved after that instant already saw the credential ended.
 */
export class EndedCredentials {
  private readonly list: Ended[] = [];

  static now(): number {
    return performance.now();
  }

  record(userId: string, sessionId?: string, tokenId?: string): void {
    const at = EndedCredentials.now();
    while (this.list.length > 0 && at - this.list[0].at > KEEP_MS) this.list.shift();
    this.list.push({ at, userId, sessionId, tokenId });
  }

  /** True when a credential of `caller` ended at or after `resolvedAt` (when its check began). */
  endedSince(caller: Caller, resolvedAt: number): boolean {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i];
      if (e.at < resolvedAt) return false;
      if (e.userId !== caller.userId) continue;
      if (e.sessionId && e.sessionId !== caller.sessionId) continue;
      if (e.tokenId && e.tokenId !== caller.tokenId) continue;
      return true;
    }
    return false;
  }
}
