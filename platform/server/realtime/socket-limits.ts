import { MAX_TOPICS_PER_SOCKET } from '../../shared/realtime-protocol.js';

/**
 * What one socket may cost the node. A web client sends a handful of frames per second, and
 * one burst when it (re)connects: a subscribe for every chat it shows — a few hundred.
 */
export interface SocketLimits {
  /** Frames per second a socket may send on average (the bucket's refill rate). */
  framesPerSecond: number;
  /** Frames a socket may send at once (the bucket's size): room for a subscribe per topic. */
  frameBurst: number;
  /** Topic checks one socket may have running at once; further subscribes wait their turn. */
  maxPendingChecks: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  framesPerSecond: 50,
  frameBurst: MAX_TOPICS_PER_SOCKET + 100,
  // Each check may be a database read; a handful in parallel keeps one socket's first
  // subscribe burst quick without letting it occupy the pool.
  maxPendingChecks: 8,
};

/** A token bucket: `take()` is false once the socket has sent more than its budget. */
export class FrameBudget {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * At most `max` checks run at once; the others wait in order. The queue is bounded by the
 * socket's topic cap (a waiting subscribe counts as a topic), so waiting costs little memory.
 */
export class CheckSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  /** Undefined when a slot is free now, else a promise that resolves when one is handed over. */
  acquire(): Promise<void> | undefined {
    if (this.running < this.max) {
      this.running++;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Ends a check: its slot goes to the next waiting one, if any. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  get inFlight(): number {
    return this.running;
  }
}
