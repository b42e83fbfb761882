import { z } from 'zod';
import { idSchema } from '../../../platform/shared/ids.js';
import { LOCALES } from '../../../platform/shared/i18n.js';

export const userId = idSchema('usr');
export const departmentId = idSchema('dep');

export const locale = z.enum(LOCALES);
export const role = z.enum(['admin', 'hr_admin', 'hrbp', 'member']);
export const memberStatus = z.enum(['active', 'deactivated']);

/** An IANA time zone the runtime knows (Asia/Shanghai, Europe/Berlin …). */
export const timezone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const localizedNames = z.partialRecord(locale, z.string().trim().min(1).max(100));

/** A person as the directory and the contact card show them. */
export const memberView = z.object({
  id: userId,
  displayName: z.string(),
  names: localizedNames,
  email: z.string(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  jobSequence: z.string().nullable(),
  jobLevel: z.string().nullable(),
  managerId: userId.nullable(),
  site: z.string().nullable(),
  timezone: z.string(),
  locale,
  avatarUrl: z.string().nullable(),
  status: memberStatus,
  primaryDepartmentId: departmentId.nullable(),
  departmentIds: z.array(departmentId),
  roles: z.array(role),
});
export type MemberView = z.infer<typeof memberView>;
