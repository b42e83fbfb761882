import { route } from '../../../platform/server/http/route.js';
import * as c from '../shared/contract.js';
import { serveAvatarUseCase, uploadMyAvatarUseCase } from './avatar.js';
import { getContactCardUseCase } from './contact-card.js';
import { createDepartmentUseCase, deleteDepartmentUseCase, updateDepartmentUseCase } from './department-admin.js';
import { listDepartmentViews } from './departments.js';
import { getOrganizationView, updateOrganization } from './organization-settings.js';
import { findMembers, searchMembersUseCase } from './search-members.js';
import { getMemberRoles, setMemberRoles } from './set-roles.js';
import { updateMemberUseCase, updateMyProfileUseCase } from './update-profile.js';

// Department and organization writes are admin-only; the contract's `auth: 'admin'` enforces it.
export const routes = [
  route(c.getOrganizationInfo, ({ db }) => getOrganizationView(db)),
  route(c.updateOrganization, ({ db, body }) => updateOrganization(db, body)),
  route(c.listDepartments, async ({ db }) => ({ items: await listDepartmentViews(db) })),
  route(c.createDepartment, ({ db, caller, body }) => createDepartmentUseCase(db, caller, body)),
  route(c.updateDepartment, ({ ctx, caller, params, body }) =>
    updateDepartmentUseCase(ctx.db, caller, params.departmentId, body, ctx.events),
  ),
  route(c.deleteDepartment, ({ db, caller, params }) => deleteDepartmentUseCase(db, caller, params.departmentId)),
  route(c.listDepartmentMembers, ({ db, params, query }) => findMembers(db, { ...query, departmentId: params.departmentId })),
  route(c.searchMembers, ({ db, caller, query }) => searchMembersUseCase(db, caller, query)),
  route(c.getContactCard, ({ db, caller, params }) => getContactCardUseCase(db, caller, params.userId)),
  route(c.updateMyProfile, ({ db, caller, body }) => updateMyProfileUseCase(db, caller, body)),
  route(c.updateMember, ({ ctx, caller, params, body }) => updateMemberUseCase(ctx.db, caller, params.userId, body, ctx.events)),
  route(c.getMemberRoles, ({ db, params }) => getMemberRoles(db, params.userId)),
  route(c.setMemberRoles, ({ db, caller, params, body }) => setMemberRoles(db, caller, params.userId, body)),
  route(c.uploadMyAvatar, ({ ctx, caller, req }) => uploadMyAvatarUseCase(ctx, caller, req)),
  route(c.getAvatar, ({ ctx, params, query, reply }) => serveAvatarUseCase(ctx, params.userId, query.v, reply)),
];
