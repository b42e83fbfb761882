import type { Caller } from '../../../platform/server/permissions.js';

const USER_ID = /^usr_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * `presence:<userId>`: any active member may follow any member's presence, as in Lark (only
 * active members get a socket at all). Its events say connected/idle/gone and "settings
 * changed", nothing a member could not read over HTTP.
 */
export function authorizePresenceTopic(_caller: Caller, userId: string): boolean {
  return USER_ID.test(userId);
}
