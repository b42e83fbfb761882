import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

/** The JSON body of a request that must succeed; a failure names the URL, status and body. */
export async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/**
 * Console errors and uncaught exceptions (a CSP violation shows up here too). `ignore` drops
 * errors a journey causes on purpose, such as the 401 of a signed-out deep link.
 */
export function collectErrors(page: Page, ignore?: (text: string) => boolean): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignore?.(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The first administrator foundation.spec.ts creates, when it ran first on this server. */
export const FOUNDATION_ADMIN = { email: 'zhang.wei@example.com', password: 'correct horse battery' };

/**
 * A request context signed in as an administrator: on a fresh server it sets the organization up
 * (so a journey runs alone with `--no-deps`), after foundation.spec.ts it signs its admin in.
 */
export async function adminContext(
  browser: Browser,
  baseURL: string,
  org: { organizationName: string; email: string; password: string; locale: string; timezone: string },
): Promise<BrowserContext> {
  const ctx = await browser.newContext();
  const status = await (await ctx.request.get(`${baseURL}/api/setup`)).json();
  if (status.needsSetup) await ok(await ctx.request.post(`${baseURL}/api/setup`, { data: { displayName: 'Admin', ...org } }));
  else await ok(await ctx.request.post(`${baseURL}/api/auth/login`, { data: FOUNDATION_ADMIN }));
  return ctx;
}
