/** The operator module's public surface: maintenance windows (OPS-2) and error reports (OPS-4). */
export { listMaintenanceWindows, portalUnderMaintenance, fileErrorReport } from './operations.service.js';
