import { type APIRequestContext, expect, type Page } from '@playwright/test';

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
