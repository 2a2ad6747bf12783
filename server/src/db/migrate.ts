import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Kysely } from 'kysely';
import * as createCoreTables from './migrations/2026_11_23_1300_create_core_tables.js';
import * as notifySessionChanges from './migrations/2026_11_23_1600_notify_session_changes.js';
import * as auditChainHead from './migrations/2026_11_23_1700_audit_chain_head.js';
import * as auditAppendInOneStatement from './migrations/2026_11_23_1900_audit_append_in_one_statement.js';
import * as auditCheckpoints from './migrations/2026_11_23_2000_audit_checkpoints.js';
import * as rateLimitsUnlogged from './migrations/2026_11_23_2100_rate_limits_unlogged.js';
import * as totpLastStep from './migrations/2026_11_30_1200_totp_last_step.js';
import * as auditDefects from './migrations/2026_12_01_1200_audit_defects.js';
import * as jobLeases from './migrations/2026_12_01_1300_job_leases.js';
import * as metering from './migrations/2026_12_02_1000_metering.js';
import * as billing from './migrations/2026_12_02_1400_billing.js';
import * as payments from './migrations/2026_12_07_1200_payments.js';
import * as intervalHours from './migrations/2026_12_07_1300_interval_hours.js';
import * as claimAmounts from './migrations/2026_12_07_1745_claim_amounts.js';
import * as collections from './migrations/2026_12_07_1905_collections.js';
import * as contractLifecycle from './migrations/2026_12_07_1915_contract_lifecycle.js';
import * as billingRunSpeed from './migrations/2026_12_07_2000_billing_run_speed.js';
import * as systemOrders from './migrations/2026_12_07_2105_system_orders.js';
import * as contractTermsVersions from './migrations/2026_12_07_2110_contract_terms_versions.js';
import * as termChangeNotices from './migrations/2026_12_07_2115_term_change_notices.js';
import * as paymentNotices from './migrations/2026_12_08_0035_payment_notices.js';
import * as invoicePaymentReferenceIndex from './migrations/2026_12_08_0040_invoice_payment_reference_index.js';
import * as notifyMeteringChanges from './migrations/2026_12_08_0100_notify_metering_changes.js';

/** Every migration, in order. Listed here (not read from disk) so bundling and tsx behave the same. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_23_1300_create_core_tables': createCoreTables,
  '2026_11_23_1600_notify_session_changes': notifySessionChanges,
  '2026_11_23_1700_audit_chain_head': auditChainHead,
  '2026_11_23_1900_audit_append_in_one_statement': auditAppendInOneStatement,
  '2026_11_23_2000_audit_checkpoints': auditCheckpoints,
  '2026_11_23_2100_rate_limits_unlogged': rateLimitsUnlogged,
  '2026_11_30_1200_totp_last_step': totpLastStep,
  '2026_12_01_1200_audit_defects': auditDefects,
  '2026_12_01_1300_job_leases': jobLeases,
  '2026_12_02_1000_metering': metering,
  '2026_12_02_1400_billing': billing,
  '2026_12_07_1200_payments': payments,
  '2026_12_07_1300_interval_hours': intervalHours,
  '2026_12_07_1745_claim_amounts': claimAmounts,
  '2026_12_07_1905_collections': collections,
  '2026_12_07_1915_contract_lifecycle': contractLifecycle,
  '2026_12_07_2000_billing_run_speed': billingRunSpeed,
  '2026_12_07_2105_system_orders': systemOrders,
  '2026_12_07_2110_contract_terms_versions': contractTermsVersions,
  '2026_12_07_2115_term_change_notices': termChangeNotices,
  '2026_12_08_0035_payment_notices': paymentNotices,
  '2026_12_08_0040_invoice_payment_reference_index': invoicePaymentReferenceIndex,
  '2026_12_08_0100_notify_metering_changes': notifyMeteringChanges,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
