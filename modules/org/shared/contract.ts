import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';
import { departmentId, locale, localizedNames, memberStatus, memberView, role, timezone, userId } from './types.js';

/*
 * The org directory's endpoints: organization, department tree, member directory, profiles,
 * roles and avatars. Rules beyond the `auth` field (HR admin, HRBP subtree scope, self) are
 * enforced by the use cases and answered with `auth.forbidden`.
 */

const ok = z.object({ ok: z.literal(true) });
const name = z.string().trim().min(1).max(100);
/** Query-string booleans arrive as text; typed callers may pass a real boolean. */
const queryBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
const pageLimit = z.coerce.number().int().min(1).max(100).default(30);
/** Opaque; pass back `nextCursor` unchanged to get the next page. */
const cursor = z.string().min(1).max(500);
const nullableText = (max: number) => z.string().trim().max(max).nullable();

// ── organization ───────────────────────────────────────────────────────────────

export const organizationView = z.object({
  name: z.string(),
  defaultLocale: locale,
  createdAt: z.iso.datetime(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const getOrganizationInfo = contract({
  method: 'GET',
  path: '/api/organization',
  auth: 'member',
  summary: 'The organization: its name and default language',
  response: organizationView,
});

export const updateOrganization = contract({
  method: 'PATCH',
  path: '/api/organization',
  auth: 'admin',
  summary: 'Rename the organization or change its default language (admins)',
  body: z.object({ name: name.optional(), defaultLocale: locale.optional() }),
  response: organizationView,
});

// ── departments ────────────────────────────────────────────────────────────────

export const departmentView = z.object({
  id: departmentId,
  parentId: departmentId.nullable(),
  name: z.string(),
  /** Materialized path of ids from the root, `/dep_a/dep_b/`; a subtree shares its prefix. */
  path: z.string(),
  /** 0 for a top-level department. */
  depth: z.number().int(),
  sort: z.number().int(),
  /** Active members placed directly in this department. */
  memberCount: z.number().int(),
  /** Active members in this department and all its sub-departments (each person counted once). */
  totalMemberCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type DepartmentView = z.infer<typeof departmentView>;

export const listDepartments = contract({
  method: 'GET',
  path: '/api/departments',
  auth: 'member',
  summary: 'The whole department tree as a flat list (parents before children, siblings by sort then name)',
  response: z.object({ items: z.array(departmentView) }),
});

export const createDepartment = contract({
  method: 'POST',
  path: '/api/departments',
  auth: 'admin',
  status: 201,
  summary: 'Create a department at the top level or under a parent (admins); sibling names are unique',
  body: z.object({ name, parentId: departmentId.nullable().optional(), sort: z.number().int().min(0).max(1_000_000).optional() }),
  response: departmentView,
});

export const updateDepartment = contract({
  method: 'PATCH',
  path: '/api/departments/:departmentId',
  auth: 'admin',
  summary:
    'Rename a department and/or move it (with its whole subtree) under another parent, or to the top level with parentId null (admins); moving under itself or a descendant is refused with org.department_cycle',
  params: z.object({ departmentId }),
  body: z.object({
    name: name.optional(),
    parentId: departmentId.nullable().optional(),
    sort: z.number().int().min(0).max(1_000_000).optional(),
  }),
  response: departmentView,
});

export const deleteDepartment = contract({
  method: 'DELETE',
  path: '/api/departments/:departmentId',
  auth: 'admin',
  summary: 'Delete an empty department (admins); one with members or sub-departments is refused with org.department_not_empty',
  params: z.object({ departmentId }),
  response: ok,
});

// ── members: directory, contact card ──────────────────────────────────────────

export const memberPage = z.object({
  items: z.array(memberView),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MemberPage = z.infer<typeof memberPage>;

export const listDepartmentMembers = contract({
  method: 'GET',
  path: '/api/departments/:departmentId/members',
  auth: 'member',
  summary: 'Active members of a department, or of its whole subtree with subtree=true, by name',
  params: z.object({ departmentId }),
  query: z.object({ subtree: queryBool.default(false), cursor: cursor.optional(), limit: pageLimit }),
  response: memberPage,
});

export const searchMembers = contract({
  method: 'GET',
  path: '/api/members',
  auth: 'member',
  summary:
    'Directory search: q matches display and localized names, pinyin (full or initials) of Chinese names, kana or romaji of Japanese names, and email; exact and prefix matches rank first. Without q, everybody by name. status other than active is for admins and HR admins.',
  query: z.object({
    q: z.string().max(100).optional(),
    departmentId: departmentId.optional(),
    /** With departmentId: include sub-departments. */
    subtree: queryBool.default(false),
    status: z.enum(['active', 'deactivated', 'all']).default('active'),
    cursor: cursor.optional(),
    limit: pageLimit,
  }),
  response: memberPage,
});

/** Just enough to show a person in a list: who, with face and title. */
export const memberSummary = z.object({
  id: userId,
  displayName: z.string(),
  names: localizedNames,
  title: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  status: memberStatus,
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const contactCard = z.object({
  member: memberView,
  /** The member's departments, primary first, each with the names along its path from the root. */
  departments: z.array(
    z.object({ id: departmentId, name: z.string(), path: z.string(), pathNames: z.array(z.string()), isPrimary: z.boolean() }),
  ),
  manager: memberSummary.nullable(),
  /** Active people who report to this member (at most 100). */
  directReports: z.array(memberSummary),
  /** What the caller may do with this person, so the UI shows only working buttons. */
  permissions: z.object({
    /** Self-service fields (name, names, phone, time zone, language). */
    editOwnProfile: z.boolean(),
    /** Every profile field: HR admins, admins, HRBPs within their subtree. */
    editProfile: z.boolean(),
    /** Roles and HRBP scopes: admins. */
    editRoles: z.boolean(),
  }),
});
export type ContactCard = z.infer<typeof contactCard>;

export const getContactCard = contract({
  method: 'GET',
  path: '/api/members/:userId',
  auth: 'member',
  summary: "A member's contact card: profile, departments with names, manager and direct reports",
  params: z.object({ userId }),
  response: contactCard,
});

// ── profiles ──────────────────────────────────────────────────────────────────

/** What everybody may change about themselves. */
export const selfProfileFields = z.object({
  displayName: name.optional(),
  /** Replaces the localized names; omit a locale to drop its name. */
  names: localizedNames.optional(),
  phone: nullableText(40).optional(),
  timezone: timezone.optional(),
  /** The interface language. */
  locale: locale.optional(),
});

export const updateMyProfile = contract({
  method: 'PATCH',
  path: '/api/me/profile',
  auth: 'member',
  summary: 'Change my name, names per language, phone, time zone or interface language',
  body: selfProfileFields,
  response: memberView,
});

export const updateMember = contract({
  method: 'PATCH',
  path: '/api/members/:userId',
  auth: 'member',
  summary:
    "Change a member's profile: admins and HR admins anyone, HRBPs members within their department subtrees (and only into them); a member may change only their own self-service fields. A manager loop is refused with org.manager_cycle.",
  params: z.object({ userId }),
  body: selfProfileFields.extend({
    email: z.email().max(254).optional(),
    title: nullableText(100).optional(),
    jobSequence: nullableText(60).optional(),
    jobLevel: nullableText(20).optional(),
    site: nullableText(60).optional(),
    managerId: userId.nullable().optional(),
    /** Every department the member belongs to (replaces the current set). */
    departmentIds: z.array(departmentId).max(20).optional(),
    /** Must be one of departmentIds (or of the current departments when departmentIds is omitted). */
    primaryDepartmentId: departmentId.nullable().optional(),
  }),
  response: memberView,
});

export const setMemberRoles = contract({
  method: 'PUT',
  path: '/api/members/:userId/roles',
  auth: 'admin',
  summary:
    "Set a member's roles and, for HRBPs, the department subtrees they cover (admins); removing the last active admin is refused with org.last_admin",
  params: z.object({ userId }),
  body: z.object({
    /** `member` is implied and may be omitted. */
    roles: z.array(role).max(4),
    /** Kept only when roles include hrbp. */
    scopeDepartmentIds: z.array(departmentId).max(100).default([]),
  }),
  response: z.object({ member: memberView, scopeDepartmentIds: z.array(departmentId) }),
});

export const getMemberRoles = contract({
  method: 'GET',
  path: '/api/members/:userId/roles',
  auth: 'admin',
  summary: "A member's roles and HRBP scope departments (admins)",
  params: z.object({ userId }),
  response: z.object({ roles: z.array(role), scopeDepartmentIds: z.array(departmentId) }),
});

// ── avatars ───────────────────────────────────────────────────────────────────

/** Largest avatar accepted. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export const uploadMyAvatar = contract({
  method: 'POST',
  path: '/api/me/avatar',
  auth: 'member',
  kind: 'upload',
  summary: 'Upload my avatar: multipart form with one file field (PNG, JPEG, WebP or GIF, at most 5 MB)',
  response: memberView,
});

export const getAvatar = contract({
  method: 'GET',
  path: '/api/members/:userId/avatar',
  auth: 'member',
  kind: 'binary',
  summary: "A member's avatar image (use the member's avatarUrl: it changes with the image, so it is cached long)",
  params: z.object({ userId }),
  query: z.object({ v: z.string().max(40).optional() }),
  response: z.unknown(),
});
