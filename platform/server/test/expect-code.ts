import { expect } from 'vitest';
import { ApiError } from '../../shared/api-client.js';

/** Expects the promise to fail with this error code (and status); returns the error for further checks. */
export async function expectCode(p: Promise<unknown>, code: string, status?: number): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe(code);
  if (status !== undefined) expect((err as ApiError).status).toBe(status);
  return err as ApiError;
}
