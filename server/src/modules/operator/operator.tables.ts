import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the operator module owns, as Kysely sees them (composed into db/schema.ts). */

export interface MaintenanceWindowRow {
  id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  module: string | null;
  message_lv: string;
  message_en: string;
  message_ru: string;
  created_by: string | null;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
}

export interface ErrorReportRow {
  id: string;
  user_id: string | null;
  customer_id: string | null;
  page: string;
  message: string;
  contact_email: string | null;
  status: 'new' | 'handled';
  created_at: Timestamp;
}

export interface OperatorTables {
  maintenance_windows: MaintenanceWindowRow;
  error_reports: ErrorReportRow;
}
