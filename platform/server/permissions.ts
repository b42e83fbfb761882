import type { TokenScope } from '../shared/contract.js';
import { AppError, platformErrors } from '../shared/errors.js';
import type { Locale } from '../shared/i18n.js';
import type { UserId } from '../shared/ids.js';

/** Organization-wide roles. Everybody is a member; the others add rights. */
export const ROLES = ['admin', 'hr_admin', 'hrbp', 'member'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The person behind a request, resolved once per request (session cookie or access token).
 * `scopePaths` are the materialized paths (`/dep_a/dep_b/`) of the department subtrees an
 * HRBP covers; they let any module check subtree scope without reading org tables.
 */
export interface Caller {
  userId: UserId;
  roles: Role[];
  scopePaths: string[];
  locale: Locale;
  timezone: string;
  sessionId?: string;
  tokenId?: string;
  /** Present when the request is authenticated by an access token. */
  tokenScopes?: TokenScope[];
}

/** What a rule is checked against: the departments (paths) a resource belongs to, its owner. */
export interface Resource {
  departmentPaths?: string[];
  ownerId?: UserId;
}

/**
 * "May this caller do X to this resource": `roles` grant it everywhere, `scopedRoles` only
 * inside the caller's department subtrees, `owner` to the resource's owner.
 */
export interface Rule {
  roles?: Role[];
  scopedRoles?: Role[];
  owner?: boolean;
}

export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((r) => caller.roles.includes(r));
}

/** True when any of the resource's departments lies in a subtree the caller covers. */
export function inScope(caller: Caller, departmentPaths: string[] = []): boolean {
  return departmentPaths.some((p) => caller.scopePaths.some((scope) => p.startsWith(scope)));
}

export function can(caller: Caller, rule: Rule, resource: Resource = {}): boolean {
  if (rule.roles && hasRole(caller, ...rule.roles)) return true;
  if (rule.scopedRoles && hasRole(caller, ...rule.scopedRoles) && inScope(caller, resource.departmentPaths)) return true;
  if (rule.owner && resource.ownerId !== undefined && resource.ownerId === caller.userId) return true;
  return false;
}

/** Throws `auth.forbidden` unless `can` allows it. */
export function authorize(caller: Caller, rule: Rule, resource: Resource = {}): void {
  if (!can(caller, rule, resource)) throw new AppError(platformErrors['auth.forbidden']);
}
