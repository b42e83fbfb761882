import { z } from 'zod';
import { contract, TOKEN_SCOPES } from '../../../platform/shared/contract.js';
import { idSchema } from '../../../platform/shared/ids.js';
import { locale, memberView, role, timezone, userId } from '../../org/shared/types.js';

const email = z.email().max(254);
/** Long passphrases are welcome; the upper bound only keeps hashing cheap. */
const password = z.string().min(8).max(256);
const displayName = z.string().trim().min(1).max(100);
const sessionId = idSchema('ses');
const inviteId = idSchema('inv');
const tokenId = idSchema('pat');
const ok = z.object({ ok: z.literal(true) });
/**
 * Per-address first line on sign-in, setup and invite acceptance: cheap, before any password is
 * hashed. Generous because a whole office behind one NAT signs in around 9:00; guessing is held
 * by the per-account counters (docs/adr/0009), not by this.
 */
export const LOGIN_RATE_LIMIT = { max: 300, windowMs: 60_000 };
const loginLimit = LOGIN_RATE_LIMIT;

export const meView = z.object({
  user: memberView,
  organization: z.object({ name: z.string() }),
  sessionId: sessionId.nullable(),
});

export const getSetupStatus = contract({
  method: 'GET',
  path: '/api/setup',
  auth: 'public',
  summary: 'Whether the first administrator still has to set up the organization',
  response: z.object({ needsSetup: z.boolean() }),
});

export const setup = contract({
  method: 'POST',
  path: '/api/setup',
  auth: 'public',
  rateLimit: loginLimit,
  status: 201,
  summary: 'Create the organization and its first administrator, and sign them in',
  body: z.object({ organizationName: z.string().trim().min(1).max(100), displayName, email, password, locale, timezone }),
  response: meView,
});

export const login = contract({
  method: 'POST',
  path: '/api/auth/login',
  auth: 'public',
  rateLimit: loginLimit,
  summary: 'Sign in with email and password; sets the session cookie',
  body: z.object({ email, password: z.string().min(1).max(256) }),
  response: meView,
});

export const logout = contract({
  method: 'POST',
  path: '/api/auth/logout',
  auth: 'member',
  summary: 'End the current session',
  response: ok,
});

export const getMe = contract({
  method: 'GET',
  path: '/api/auth/me',
  auth: 'member',
  summary: 'The signed-in member, their roles and organization',
  response: meView,
});

export const sessionView = z.object({
  id: sessionId,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  current: z.boolean(),
});

export const listSessions = contract({
  method: 'GET',
  path: '/api/auth/sessions',
  auth: 'member',
  summary: 'My active sessions (devices signed in)',
  response: z.object({ items: z.array(sessionView) }),
});

export const revokeSession = contract({
  method: 'DELETE',
  path: '/api/auth/sessions/:sessionId',
  auth: 'member',
  summary: 'Sign one of my sessions out',
  params: z.object({ sessionId }),
  response: ok,
});

export const changePassword = contract({
  method: 'POST',
  path: '/api/auth/password',
  auth: 'member',
  rateLimit: loginLimit,
  summary: 'Change my password; every other session is signed out',
  body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: password }),
  response: ok,
});

export const inviteView = z.object({
  id: inviteId,
  email: z.string().nullable(),
  role: role.nullable(),
  departmentId: z.string().nullable(),
  createdBy: userId,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(['pending', 'used', 'expired', 'revoked']),
});

export const createInvite = contract({
  method: 'POST',
  path: '/api/invites',
  auth: 'member',
  status: 201,
  summary: 'Create an invite link (admins and HR admins); the link is shown once',
  body: z.object({
    email: email.optional(),
    role: role.optional(),
    departmentId: idSchema('dep').optional(),
    expiresInDays: z.number().int().min(1).max(30).default(7),
  }),
  response: z.object({ invite: inviteView, token: z.string(), url: z.string() }),
});

export const listInvites = contract({
  method: 'GET',
  path: '/api/invites',
  auth: 'member',
  summary: 'Invites created in the organization (admins and HR admins)',
  response: z.object({ items: z.array(inviteView) }),
});

export const revokeInvite = contract({
  method: 'DELETE',
  path: '/api/invites/:inviteId',
  auth: 'member',
  summary: 'Revoke an unused invite',
  params: z.object({ inviteId }),
  response: ok,
});

export const lookupInvite = contract({
  method: 'GET',
  path: '/api/invites/by-token/:token',
  auth: 'public',
  rateLimit: loginLimit,
  summary: 'What an invite link leads to, before accepting it',
  params: z.object({ token: z.string().min(10).max(100) }),
  response: z.object({ organizationName: z.string(), email: z.string().nullable(), expiresAt: z.iso.datetime() }),
});

export const acceptInvite = contract({
  method: 'POST',
  path: '/api/invites/accept',
  auth: 'public',
  rateLimit: loginLimit,
  status: 201,
  summary: 'Join the organization through an invite link; signs the new member in',
  body: z.object({ token: z.string().min(10).max(100), displayName, email, password, locale, timezone }),
  response: meView,
});

export const tokenView = z.object({
  id: tokenId,
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});

export const createToken = contract({
  method: 'POST',
  path: '/api/auth/tokens',
  auth: 'member',
  status: 201,
  summary: 'Create a personal access token for scripts; its secret is shown only in this answer',
  body: z.object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  }),
  response: z.object({ token: tokenView, secret: z.string() }),
});

export const listTokens = contract({
  method: 'GET',
  path: '/api/auth/tokens',
  auth: 'member',
  summary: 'My personal access tokens (never their secrets)',
  response: z.object({ items: z.array(tokenView) }),
});

export const revokeToken = contract({
  method: 'DELETE',
  path: '/api/auth/tokens/:tokenId',
  auth: 'member',
  summary: 'Revoke one of my personal access tokens',
  params: z.object({ tokenId }),
  response: ok,
});

export const setMemberActive = contract({
  method: 'POST',
  path: '/api/admin/members/:userId/status',
  auth: 'admin',
  summary: 'Deactivate (sessions end at once, content stays) or reactivate a member',
  params: z.object({ userId }),
  body: z.object({ status: z.enum(['active', 'deactivated']) }),
  response: ok,
});
