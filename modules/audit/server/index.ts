/** The audit module's public server API: every module records admin and HR actions here. */
export { type AuditEntry, recordAudit } from './record-audit.js';
