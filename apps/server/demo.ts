import type { AppContext } from '../../platform/server/app-context.js';
import { DEMO_DOMAIN, DEMO_PASSWORD, findMemberByEmail, getOrganization } from '../../modules/org/server/index.js';
import { serverModules } from './modules.js';

/** Where `npm run demo` keeps its data unless SKEIN_DATA_DIR or DATABASE_URL says otherwise. */
export const DEMO_DATA_DIR = './data-demo';

/**
 * The environment `--demo` boots with: its own data folder by default, so trying the demo never
 * meets (or mixes into) the organization `npm start` serves from ./data.
 */
export function demoEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (env.SKEIN_DATA_DIR || env.DATABASE_URL) return env;
  return { ...env, SKEIN_DATA_DIR: DEMO_DATA_DIR };
}

export type DemoOutcome = { status: 'loaded' } | { status: 'other-organization'; name: string };

/**
 * Loads every module's demo data, in module order (people first, then what they made). A
 * database that already holds another organization is left alone: the demo's people would
 * not exist there, so the caller must say so instead of letting the demo logins fail.
 */
export async function loadDemo(ctx: AppContext): Promise<DemoOutcome> {
  const org = await getOrganization(ctx.db);
  if (org && !(await findMemberByEmail(ctx.db, `admin@${DEMO_DOMAIN}`))) return { status: 'other-organization', name: org.name };
  for (const m of serverModules) await m.seedDemo?.(ctx);
  return { status: 'loaded' };
}

/** What `npm run demo` prints (plain text on stderr; stdout carries the JSON logs). */
export function demoNotice(outcome: DemoOutcome, where: { dataDir: string; postgres: boolean }): string {
  const place = where.postgres ? 'the PostgreSQL database in DATABASE_URL' : `the data folder ${where.dataDir}`;
  if (outcome.status === 'loaded')
    return `Demo organization ready in ${place}. Sign in as admin@${DEMO_DOMAIN} (or any demo account) with the password ${DEMO_PASSWORD}.`;
  return [
    `THE DEMO WAS NOT LOADED: ${place} already holds the organization "${outcome.name}".`,
    `The demo only loads into an empty database, so the demo accounts (admin@${DEMO_DOMAIN}, …) do not exist here.`,
    where.postgres
      ? 'To try the demo, point DATABASE_URL at an empty database (or schema) and run `npm run demo` again.'
      : `To try the demo, give it a folder of its own: SKEIN_DATA_DIR=${DEMO_DATA_DIR} npm run demo`,
    `Serving "${outcome.name}" as it is.`,
  ].join('\n');
}
