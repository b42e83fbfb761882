/**
 * Domain events the org module emits (platform/server/events.ts) once the change is committed.
 * Other modules declare handlers for them in their ServerModule `events`.
 */
export const orgEvents = {
  /** A member's departments changed (also when a member is created into departments). */
  memberDepartmentsChanged: 'org.member_departments_changed',
  /** A member was deactivated or reactivated. */
  memberStatusChanged: 'org.member_status_changed',
  /** A department moved under another parent, taking its subtree along. */
  departmentMoved: 'org.department_moved',
} as const;

export interface MemberDepartmentsChanged {
  userId: string;
}
export interface MemberStatusChanged {
  userId: string;
  status: 'active' | 'deactivated';
}
export interface DepartmentMoved {
  departmentId: string;
}
