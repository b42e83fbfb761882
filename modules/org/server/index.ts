/** The org module's public server API: what other modules may call. */
export { loadCallerProfile, type CallerProfile } from './caller-profile.js';
export { createDepartment, type NewDepartment } from './create-department.js';
export { createMember, type NewMember } from './create-member.js';
export { departmentPathsOf } from './profile-access.js';
export {
  activeMemberIds,
  departmentPaths,
  displayNames,
  findDepartment,
  membersInSubtrees,
  type MemberStatusRow,
} from './member-sets.js';
export { activeMemberZones } from './member-zones.js';
export { findMembers, type MemberQuery } from './search-members.js';
export { findMemberByEmail, setMemberStatus } from './member-status.js';
export { createOrganization, getOrganization } from './organization.js';
export { getMemberView, toMemberViews } from './queries.js';
export { applyProfileChange, type ProfileChange } from './update-profile.js';
export type { OrgTables } from './tables.js';
/** The demo organization's people, for other modules' demo data (`npm run demo`). */
export { DEMO_DOMAIN, DEMO_PASSWORD, PEOPLE as DEMO_PEOPLE } from './demo/demo-org.js';
