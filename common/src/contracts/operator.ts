import { Type, type Static } from 'typebox';
import { Email, Id, Instant, IsoDateTime, LocalizedText, Nullable, Text } from './fields.ts';

/** The operator module's part of the API contract (OPS-2, OPS-3, OPS-4). */

export const OPERATOR_AUDIT_ACTIONS = ['error_report.submitted', 'maintenance.announced', 'maintenance.cancelled'] as const;

const Strings = Type.Array(Type.String());

/** What the web needs of the operator profile: name, branding, modules, order types, contacts, some rules. */
export const OperatorProfile = Type.Object({
  id: Type.String(),
  portalName: Type.String(),
  legalName: Type.String(),
  website: Type.String(),
  branding: Type.Object({ primaryColor: Type.String(), accentColor: Type.String(), logoSvg: Type.String() }),
  modules: Strings,
  orderTypes: Strings,
  support: Type.Object({
    phone: Type.String(),
    email: Type.String(),
    serviceCentres: Type.Array(Type.Object({ name: LocalizedText(), address: Type.String(), hours: LocalizedText() })),
  }),
  rules: Type.Object({
    additionalUsersSeeInvoices: Type.Boolean(),
    passwordMaxAgeDays: Nullable(Type.Integer()),
    stepUpOrderTypes: Strings,
  }),
  bankLogin: Type.Boolean(),
  devMode: Type.Boolean(),
});
export type OperatorProfile = Static<typeof OperatorProfile>;

export const Health = Type.Object({ ok: Type.Boolean() });

/** OPS-2: an announced or running maintenance window; `module` null means the whole portal. */
export const MaintenanceWindow = Type.Object({
  id: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  module: Nullable(Type.String()),
  message: LocalizedText(),
  active: Type.Boolean(),
});
export type MaintenanceWindow = Static<typeof MaintenanceWindow>;
export const MaintenanceWindows = Type.Array(MaintenanceWindow);

export const AnnounceMaintenanceBody = Type.Object({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  module: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  message: LocalizedText(1000),
}, { additionalProperties: false });
export type AnnounceMaintenanceBody = Static<typeof AnnounceMaintenanceBody>;

export const MaintenanceWindowParams = Type.Object({ windowId: Id });

/** What a create answers: the new thing's id. */
export const Created = Type.Object({ id: Type.String() });
export type Created = Static<typeof Created>;

/** OPS-4: a user reports an error or inaccuracy from any page. */
export const ErrorReportBody = Type.Object({ page: Text(500), message: Text(5000), contactEmail: Type.Optional(Email) }, { additionalProperties: false });
export type ErrorReportBody = Static<typeof ErrorReportBody>;

export const ErrorReport = Type.Object({
  id: Type.String(),
  page: Type.String(),
  message: Type.String(),
  contactEmail: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  status: Type.Union([Type.Literal('new'), Type.Literal('handled')]),
  createdAt: Instant,
});
export type ErrorReport = Static<typeof ErrorReport>;
export const ErrorReports = Type.Array(ErrorReport);

/** Dev only: a message the local SMTP catcher received. */
export const CaughtMail = Type.Object({
  id: Type.Integer(), to: Type.String(), from: Type.String(), subject: Type.String(), text: Type.String(), receivedAt: Type.String(),
  /** the attached files (an invoice's PDF and e-invoice) */
  attachments: Type.Array(Type.Object({ fileName: Type.String(), contentType: Type.String(), size: Type.Integer() })),
});
export type CaughtMail = Static<typeof CaughtMail>;
export const CaughtMails = Type.Array(CaughtMail);

/** Dev only (DEV_CLOCK): moves the server's time. */
export const DEV_CLOCK_MAX_MINUTES = 366 * 24 * 60;
export const MoveClockBody = Type.Object({ advanceMinutes: Type.Integer({ minimum: -DEV_CLOCK_MAX_MINUTES, maximum: DEV_CLOCK_MAX_MINUTES }) }, { additionalProperties: false });
export const DevClock = Type.Object({ now: Instant, offsetMinutes: Type.Integer() });
export type DevClock = Static<typeof DevClock>;
