/** The accounts module's public server API. */
export { credentialOf, resolveCaller } from './resolve-caller.js';
export { setPassword } from './set-password.js';
export type { AccountsTables } from './tables.js';
