/**
 * The database as Kysely sees it: the tables of every module, each module's row types in its
 * `<module>.tables.ts` (infra's in infra/infra.tables.ts). Row types are re-exported here for the app's
 * own files (db/, test/, commands/); a module imports its own from its tables file.
 */
import type { CustomersTables } from '../modules/customers/customers.tables.js';
import type { AccountsTables } from '../modules/accounts/accounts.tables.js';
import type { TermsTables } from '../modules/terms/terms.tables.js';
import type { OperatorTables } from '../modules/operator/operator.tables.js';
import type { OrdersTables } from '../modules/orders/orders.tables.js';
import type { NotificationsTables } from '../modules/notifications/notifications.tables.js';
import type { InfraTables } from '../infra/infra.tables.js';
import type { AuditTables } from '../modules/audit/audit.tables.js';
import type { MeteringTables } from '../modules/metering/metering.tables.js';
import type { BillingTables } from '../modules/billing/billing.tables.js';
import type { PaymentsTables } from '../modules/payments/payments.tables.js';
import type { ContractLifecycleTables } from '../modules/customers/contract-lifecycle.tables.js';
import type { TermChangeTables } from '../modules/terms/term-change.tables.js';

export type { CustomerRow, ContractRow } from '../modules/customers/customers.tables.js';
export type { UserStatus, StaffRole, UserRow, PasswordHistoryRow, MembershipRow, TokenPurpose, OneTimeTokenRow, SessionRow, UnknownAddressLoginRow, PasswordResetRequestRow } from '../modules/accounts/accounts.tables.js';
export type { TermsVersionRow, TermsAcceptanceRow } from '../modules/terms/terms.tables.js';
export type { MaintenanceWindowRow, ErrorReportRow } from '../modules/operator/operator.tables.js';
export type { OrderRow } from '../modules/orders/orders.tables.js';
export type { NoticeRow, NoticeReadRow, OutboxEmailRow } from '../modules/notifications/notifications.tables.js';
export type { RateLimitBucketRow, JobRunRow } from '../infra/infra.tables.js';
export type { AuditEventRow, AuditChainHeadRow, AuditCheckpointRow } from '../modules/audit/audit.tables.js';

export type { MeteringObjectRow, ObjectHoldingRow, MeterRow, MicroGeneratorRow, RadioPermitRow, MeterReadingRow, MeteringImportRow, IntervalDayRow, IntervalRevisionRow, SpotPriceRow, DataTokenRow } from '../modules/metering/metering.tables.js';

export type { TariffRow, TariffVersionRow, ContractTermsRow, BillingChargeRow, InvoiceSeriesRow, BillingRunRow, InvoiceRow, InvoiceLineRow, LedgerEntryRow, ReceivableRow, AllocationRow, InvoiceClaimRow, MoneyLimitRow } from '../modules/billing/billing.tables.js';
export type { BankStatementRow, PaymentRow, PaymentIntentRow } from '../modules/payments/payments.tables.js';

export interface Database extends CustomersTables, AccountsTables, TermsTables, OperatorTables, OrdersTables, NotificationsTables, InfraTables, AuditTables, MeteringTables, BillingTables, PaymentsTables, ContractLifecycleTables, TermChangeTables {}
