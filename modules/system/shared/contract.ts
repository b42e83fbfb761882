import { z } from 'zod';
import { contract } from '../../../platform/shared/contract.js';

export const health = contract({
  method: 'GET',
  path: '/api/health',
  auth: 'public',
  summary: 'Liveness and which database and bus this node uses',
  response: z.object({
    status: z.literal('ok'),
    db: z.enum(['sqlite', 'postgres']),
    bus: z.enum(['memory', 'redis']),
    version: z.string(),
  }),
});
