import type { Hub, HubOptions } from './hub.js';

// Placeholder until the WebSocket hub lands (same interface); publishes go nowhere yet.
export async function createHub(_options: HubOptions): Promise<Hub & { register: (...args: unknown[]) => void }> {
  let seq = 0;
  return {
    kind: 'memory',
    publish: async () => ++seq,
    revoke: async () => {},
    disconnect: async () => {},
    close: async () => {},
    register: () => {},
  };
}
