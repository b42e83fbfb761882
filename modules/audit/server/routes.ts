import { route } from '../../../platform/server/http/route.js';
import { listAudit } from '../shared/contract.js';
import { listAuditUseCase } from './list-audit.js';

export const routes = [route(listAudit, ({ db, query }) => listAuditUseCase(db, query))];
