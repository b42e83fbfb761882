import { describe, expect, test } from 'vitest';
import type { AppContext } from '../../../platform/server/app-context.js';
import type { ServerModule } from '../../../platform/server/module.js';
import type { Caller } from '../../../platform/server/permissions.js';
import { canRead, type FileRow, scopeRegistry } from './access.js';

const caller = (userId: string): Caller => ({
  userId: userId as Caller['userId'],
  roles: ['member'],
  scopePaths: [],
  locale: 'en-US',
  timezone: 'UTC',
});
const row = (scope: string, owner = 'usr_owner'): FileRow => ({
  id: 'fil_x',
  owner_id: owner,
  scope,
  name: 'a.txt',
  size: 1,
  content_type: 'text/plain',
  sha256: '',
  storage_key: 'x/fil_x',
  created_at: 0,
  deleted_at: null,
});
const ctx = {} as AppContext;

// A stand-in messenger: members of chat_1 are usr_bob only.
const messenger: ServerModule = {
  id: 'messenger',
  routes: [],
  migrations: {},
  fileScopes: { chat: async (c, chatId) => chatId === 'chat_1' && c.userId === 'usr_bob' },
};

describe('file scopes', () => {
  test('a module answers for its own prefix: members of the chat read, others do not, the owner always does', async () => {
    const checkers = scopeRegistry(() => [messenger])();
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('chat:chat_1'))).toBe(true);
    expect(await canRead(ctx, checkers, caller('usr_eve'), row('chat:chat_1'))).toBe(false);
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('chat:chat_2'))).toBe(false);
    expect(await canRead(ctx, checkers, caller('usr_owner'), row('chat:chat_2'))).toBe(true);
  });

  test('private files, org-wide files, and prefixes nobody answers for', async () => {
    const checkers = scopeRegistry(() => [])();
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('user:usr_owner'))).toBe(false);
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('org:all'))).toBe(true);
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('chat:chat_1'))).toBe(false);
    expect(await canRead(ctx, checkers, caller('usr_bob'), row('garbage'))).toBe(false);
  });

  test('a prefix named like an Object.prototype member is nobody’s scope: it denies', async () => {
    const checkers = scopeRegistry(() => [messenger])();
    for (const prefix of ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'toString']) {
      expect(await canRead(ctx, checkers, caller('usr_bob'), row(`${prefix}:x`)), prefix).toBe(false);
    }
  });

  test('two modules cannot claim the same prefix', () => {
    const twin: ServerModule = { ...messenger, id: 'twin' };
    expect(() => scopeRegistry(() => [messenger, twin])()).toThrow(/claimed twice/);
    const usurper: ServerModule = { id: 'x', routes: [], migrations: {}, fileScopes: { user: () => true } };
    expect(() => scopeRegistry(() => [usurper])()).toThrow(/claimed twice/);
  });
});
