import { TOKEN_SCOPES, type TokenScope } from '../../../platform/shared/contract.js';

/**
 * The scopes a person may give their own access tokens. `admin` lends a token the owner's
 * elevated roles (without it a token acts as a plain member), so only administrators may grant
 * it: the settings dialog offers these, and the server refuses anything else.
 */
export function grantableScopes(roles: readonly string[]): TokenScope[] {
  return TOKEN_SCOPES.filter((scope) => scope !== 'admin' || roles.includes('admin'));
}
