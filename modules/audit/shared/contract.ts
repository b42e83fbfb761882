import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';

export const auditEntryView = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const listAudit = contract({
  method: 'GET',
  path: '/api/admin/audit',
  auth: 'admin',
  summary: 'Admin and HR actions, newest first',
  query: z.object({
    action: z.string().max(100).optional(),
    targetId: z.string().max(100).optional(),
    before: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ items: z.array(auditEntryView), nextBefore: z.string().nullable() }),
});
