import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiError } from '../../../platform/shared/api-client.js';
import { startTestApp, type TestApp, type TestClient } from '../../../platform/server/test/harness.js';
import { setupOrg } from '../../accounts/server/test/factories.js';
import { deleteFile } from '../shared/contract.js';
import type { FilesDb } from './tables.js';
import { uploadFile } from './test/factories.js';

let t: TestApp;
let alice: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  const org = await setupOrg(t);
  alice = org.admin;
});
afterAll(async () => {
  await t.close();
});

const deletedAt = async (id: string) => {
  const db: FilesDb = t.app.ctx.db;
  return (await db.selectFrom('file_files').select('deleted_at').where('id', '=', id).executeTakeFirstOrThrow()).deleted_at;
};

describe('files under concurrent requests', () => {
  test('a file deleted from several tabs at once is deleted once; the others learn it is gone', async () => {
    for (let round = 0; round < 10; round++) {
      const file = await uploadFile(alice, `r${round}.txt`, new TextEncoder().encode('bytes'));
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => alice.api(deleteFile, { params: { fileId: file.id } })),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      expect(ok.length, `round ${round}`).toBe(1);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as ApiError).code).toBe('file.not_found');
      }
      // The trash keeps the moment of the one delete that happened.
      const first = await deletedAt(file.id);
      expect(first).not.toBeNull();
      await expect(alice.api(deleteFile, { params: { fileId: file.id } })).rejects.toMatchObject({ code: 'file.not_found' });
      expect(await deletedAt(file.id)).toBe(first);
    }
  });
});
