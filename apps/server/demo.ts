import type { AppContext } from '../../platform/server/app-context.js';
import { serverModules } from './modules.js';

/** Loads every module's demo data, in module order (people first, then what they made). */
export async function loadDemo(ctx: AppContext): Promise<void> {
  for (const m of serverModules) await m.seedDemo?.(ctx);
}
