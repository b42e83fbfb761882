import { afterAll, expect, test } from 'vitest';
import type { DbHandle } from '../../../../platform/server/db/database.js';
import { freshDatabase } from '../../../../platform/server/test/fresh-database.js';
import { migrate } from '../../../../platform/server/db/migrator.js';
import * as init from './20261121T1100-messenger-init.js';
import * as messageFiles from './20261121T1130-messenger-message-files.js';
import * as chatScope from './20261121T1140-messenger-chat-scope.js';
import * as historyFloor from './20261202T0900-messenger-history-floor.js';
import * as idempotencyOp from './20261202T0910-messenger-idempotency-op.js';

/*
 * The idempotency migration on existing data, on the dialect under test: forwards stored as
 * `fwd:<clientId>` become (forward, clientId); a plain send whose client id merely starts with
 * `fwd:` stays a send, and afterwards a forward with the same client id can coexist with it.
 */

let handle: DbHandle | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function freshDb(): Promise<DbHandle> {
  const { handle, dispose } = await freshDatabase();
  cleanups.push(dispose);
  return handle;
}

test('existing forwards move to the forward op; look-alike sends stay sends', async () => {
  handle = await freshDb();
  const { db } = handle;
  const before = {
    '20261121T1100-messenger-init': init,
    '20261121T1130-messenger-message-files': messageFiles,
    '20261121T1140-messenger-chat-scope': chatScope,
    '20261202T0900-messenger-history-floor': historyFloor,
  };
  await migrate(db, [before]);
  await db
    .insertInto('msg_chats')
    .values({
      id: 'chat_1',
      kind: 'group',
      name: 'g',
      visibility: 'private',
      settings: '{}',
      created_by: 'u',
      created_at: 1,
      updated_at: 1,
    })
    .execute();
  const message = (id: string, seq: number, client_id: string, forwarded_from: string | null) => ({
    id,
    chat_id: 'chat_1',
    seq,
    sender_id: 'usr_a',
    client_id,
    kind: 'text',
    content: '{"text":"x"}',
    text: 'x',
    forwarded_from,
    created_at: seq,
  });
  await db
    .insertInto('msg_messages')
    .values([
      message('msg_fwd', 1, 'fwd:k', '{"chatId":"chat_0","messageId":"msg_0","senderId":"usr_b"}'),
      message('msg_plain', 2, 'fwd:j', null),
    ])
    .execute();

  await migrate(db, [{ ...before, '20261202T0910-messenger-idempotency-op': idempotencyOp }]);

  const rows = await db.selectFrom('msg_messages').select(['id', 'client_op', 'client_id']).orderBy('seq').execute();
  expect(rows).toEqual([
    { id: 'msg_fwd', client_op: 'forward', client_id: 'k' },
    { id: 'msg_plain', client_op: 'send', client_id: 'fwd:j' },
  ]);
  // The same key under the other op is a different operation now; under the same op it is not.
  await db
    .insertInto('msg_messages')
    .values({ ...message('msg_send_k', 3, 'k', null), client_op: 'send' })
    .execute();
  await expect(
    db
      .insertInto('msg_messages')
      .values({ ...message('msg_dup', 4, 'k', '{}'), client_op: 'forward' })
      .execute(),
  ).rejects.toThrow();
});
