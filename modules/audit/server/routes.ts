import { route } from '../../../platform/server/http/route.js';
import { exportAudit, listAudit, listAuditActions } from '../shared/contract.js';
import { exportAuditUseCase } from './export-audit.js';
import { listAuditActionsUseCase, listAuditUseCase } from './list-audit.js';

export const routes = [
  route(listAudit, ({ ctx, query }) => listAuditUseCase(ctx, query)),
  route(listAuditActions, ({ ctx }) => listAuditActionsUseCase(ctx)),
  route(exportAudit, ({ ctx, query, reply }) => exportAuditUseCase(ctx, query, reply)),
];
