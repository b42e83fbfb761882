import type { AppContext } from './app-context.js';

/**
 * In-process domain events: how one module's change causes side effects in another without
 * the two calling each other ("side effects across modules travel as events").
 *
 * Handlers re-read the database, so they must run only once the change they react to is
 * committed; otherwise (on Postgres, another connection) they would see the old state.
 * Code that owns its transaction calls `emit` after it; code that runs inside a caller's
 * transaction raises events into an `EventSink` the caller created with `collect()` and
 * flushes after commit (a rolled-back transaction simply never flushes).
 */
export type EventHandler = (payload: unknown, ctx: AppContext) => Promise<void>;

/** Where a function that may run inside someone else's transaction raises events. */
export interface EventSink {
  emit(name: string, payload: unknown): void | Promise<void>;
}

/** Events raised inside a transaction, held until `flush` (call it after the commit). */
export interface EventBuffer extends EventSink {
  emit(name: string, payload: unknown): void;
  /** Dispatches every held event in order, then forgets them. */
  flush(): Promise<void>;
}

export interface DomainEvents extends EventSink {
  /**
   * Runs every handler declared for `name`, in module order, and resolves when they are done.
   * A handler's error is logged and never reaches the emitter: the change already happened.
   */
  emit(name: string, payload: unknown): Promise<void>;
  /** A buffer for events raised inside a transaction; flush it after the commit. */
  collect(): EventBuffer;
}

/**
 * Builds the dispatcher from the handlers modules declare (`ServerModule.events`). `ctx` is
 * a getter because the context holds the dispatcher itself.
 */
export function createDomainEvents(
  modules: Array<{ id: string; events?: Record<string, EventHandler> }>,
  ctx: () => AppContext,
): DomainEvents {
  const handlers = new Map<string, Array<{ moduleId: string; handle: EventHandler }>>();
  for (const m of modules) {
    for (const [name, handle] of Object.entries(m.events ?? {})) {
      const list = handlers.get(name) ?? [];
      list.push({ moduleId: m.id, handle });
      handlers.set(name, list);
    }
  }

  async function emit(name: string, payload: unknown): Promise<void> {
    for (const { moduleId, handle } of handlers.get(name) ?? []) {
      try {
        await handle(payload, ctx());
      } catch (err) {
        ctx().log.error({ err, event: name, module: moduleId }, 'domain event handler failed');
      }
    }
  }

  return {
    emit,
    collect() {
      const held: Array<[string, unknown]> = [];
      return {
        emit: (name, payload) => void held.push([name, payload]),
        async flush() {
          for (const [name, payload] of held.splice(0)) await emit(name, payload);
        },
      };
    },
  };
}
