import { expect, test } from 'vitest';
import { grantableScopes } from './token-scopes.js';

test('only administrators may grant the admin scope; HR admins and HRBPs may not', () => {
  expect(grantableScopes(['admin', 'member'])).toEqual(['read', 'write', 'admin']);
  for (const roles of [['member'], ['hr_admin', 'member'], ['hrbp', 'member'], []]) {
    expect(grantableScopes(roles)).toEqual(['read', 'write']);
  }
});
