import { Type, type Static } from 'typebox';
import { CustomerKind, Email, Id, Instant, Language, Nullable, Password, Phone, Rights, Text, Token } from './fields.ts';

/** The accounts module's part of the API contract (ACC-1 … ACC-19). */

/** The audit actions the accounts module records (ACC-17). */
export const ACCOUNTS_AUDIT_ACTIONS = [
  'account.activated', 'account.blocked_not_activated', 'account.created_by_bank_login', 'account.deleted', 'account.registered_by_staff',
  'customer.linked', 'customer.switched',
  'login.bank_refused', 'login.blocked', 'login.failed', 'login.second_factor_failed', 'login.second_factor_passed', 'login.step_up',
  'login.step_up_refused', 'login.succeeded', 'logout',
  'password.changed', 'password.reset', 'password.reset_requested',
  'profile.updated',
  'registration.email_already_used', 'registration.main_user_registered', 'registration.reported_by_customer',
  'second_factor.disabled', 'second_factor.enabled',
  'session.signed_out',
  'user.blocked_by_staff', 'user.denied', 'user.invited', 'user.password_change_required', 'user.removed', 'user.rights_changed', 'user.unblocked',
] as const;

// ---- enumerations ----------------------------------------------------------------------------------------

/** How a session was authenticated: password (maybe with a TOTP code) or bank/eID (ACC-9). */
export const AuthMethod = Type.Union([Type.Literal('password'), Type.Literal('bank')]);
export type AuthMethod = Static<typeof AuthMethod>;

export const StaffRole = Type.Union([Type.Literal('customer_service'), Type.Literal('administrator')]);
export type StaffRole = Static<typeof StaffRole>;

/** A user's role in a customer: the main user manages the additional users (ACC-10). */
export const MemberRole = Type.Union([Type.Literal('main'), Type.Literal('additional')]);
export type MemberRole = Static<typeof MemberRole>;

/** A portal account's state: pending until activated; deleted accounts keep their row (ACC-12). */
export const UserStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked'), Type.Literal('deleted')]);
export type UserStatus = Static<typeof UserStatus>;

/** The rights a user has in a customer, as answered (a request's rights are `Rights`, bounded). */
const GrantedRights = Type.Array(Type.String());

const StatusAnswer = <T extends string>(status: T) => Type.Object({ status: Type.Literal(status) });

// ---- the session (GET /api/session, login, second factor) ----------------------------------------------

/** A customer the logged-in user acts for. */
export const SessionCustomer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: CustomerKind,
  customerNumber: Type.String(),
  role: MemberRole,
  rights: GrantedRights,
});
export type SessionCustomer = Static<typeof SessionCustomer>;

/** What the web app needs to know about the logged-in user, in one answer. */
export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  fullName: Type.String(),
  phone: Nullable(Type.String()),
  language: Language,
  staffRole: Nullable(StaffRole),
  hasPassword: Type.Boolean(),
  authMethod: AuthMethod,
  authenticatedAt: Instant,
  /** the password was right, the TOTP code is still to come (POST /api/auth/second-factor) */
  secondFactorPending: Type.Boolean(),
  /** the password is too old or staff asked for a new one: only the password change works (ACC-6) */
  mustChangePassword: Type.Boolean(),
  passwordChangedAt: Nullable(Instant),
  /** the current terms version the user has yet to accept, or null (OPS-1) */
  mustAcceptTermsVersion: Nullable(Type.String()),
  totpEnabled: Type.Boolean(),
  /** staff of an operator that requires a second factor, who have none set up yet: only the profile works */
  secondFactorSetupRequired: Type.Boolean(),
  activeCustomerId: Nullable(Type.String()),
  customers: Type.Array(SessionCustomer),
});
export type SessionUser = Static<typeof SessionUser>;

/** GET /api/session, and what login answers: the CSRF token to send back, and who is logged in (null: nobody). */
export const SessionAnswer = Type.Object({ csrfToken: Type.String(), user: Nullable(SessionUser) });
export type SessionAnswer = Static<typeof SessionAnswer>;

// ---- registration, activation, login, password reset (ACC-1 … ACC-9) -----------------------------------

export const RegisterBody = Type.Object({
  customerKind: CustomerKind,
  customerName: Text(200),
  identityCode: Text(20),
  customerNumber: Text(40),
  fullName: Text(200),
  email: Email,
  phone: Type.String({ minLength: 5, maxLength: 30, pattern: '^\\+?[0-9 ()-]{5,30}$' }),
  language: Language,
  termsVersion: Text(40),
  acceptTerms: Type.Boolean(),
  confirmDataTruthful: Type.Boolean(),
}, { additionalProperties: false });
export type RegisterBody = Static<typeof RegisterBody>;

/** Registration and "forgot password" answer 202 alike: the next step is in the e-mail. */
export const CheckEmailAnswer = StatusAnswer('check_email');
export type CheckEmailAnswer = Static<typeof CheckEmailAnswer>;

/** The activation link's token, and the password the user chooses. */
export const ActivateBody = Type.Object({ token: Token, password: Password }, { additionalProperties: false });
export type ActivateBody = Static<typeof ActivateBody>;
export const ActivatedAnswer = StatusAnswer('activated');
export type ActivatedAnswer = Static<typeof ActivatedAnswer>;

/** `email` is not checked as an address: whatever is typed gets the same INVALID_CREDENTIALS. */
export const LoginBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

/** A TOTP code: at login (second factor) and when turning TOTP on. */
export const SecondFactorBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false });
export type SecondFactorBody = Static<typeof SecondFactorBody>;

export const ForgotPasswordBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }) }, { additionalProperties: false });
export type ForgotPasswordBody = Static<typeof ForgotPasswordBody>;

export const ResetPasswordBody = Type.Object({ token: Token, password: Password }, { additionalProperties: false });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;
export const PasswordChangedAnswer = StatusAnswer('password_changed');
export type PasswordChangedAnswer = Static<typeof PasswordChangedAnswer>;

/** The token of the "main user registered" e-mail the customer got (ACC-2). */
export const ReportRegistrationBody = Type.Object({ token: Token }, { additionalProperties: false });
export type ReportRegistrationBody = Static<typeof ReportRegistrationBody>;
export const ReportedAnswer = StatusAnswer('reported');
export type ReportedAnswer = Static<typeof ReportedAnswer>;

/** GET /api/auth/bank/start (ACC-9, ACC-18): `stepUp=1` confirms the logged-in user; `returnTo` a path of the portal. */
export const BankLoginQuery = Type.Object({
  stepUp: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
  returnTo: Type.Optional(Type.String({ maxLength: 300 })),
});
export type BankLoginQuery = Static<typeof BankLoginQuery>;

// ---- the logged-in user's own things (/api/me) ---------------------------------------------------------

/** An empty phone clears it. */
export const UpdateProfileBody = Type.Object({
  fullName: Type.Optional(Text(200)),
  phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^\\+?[0-9 ()-]{0,30}$' })),
  language: Type.Optional(Language),
}, { additionalProperties: false });
export type UpdateProfileBody = Static<typeof UpdateProfileBody>;

export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

/** ACC-11: the customer to act for now. */
export const SwitchCustomerBody = Type.Object({ customerId: Id }, { additionalProperties: false });
export type SwitchCustomerBody = Static<typeof SwitchCustomerBody>;

/** ACC-11: a registered user becomes the main user of another customer whose records they match. */
export const LinkCustomerBody = Type.Object({
  customerKind: CustomerKind, customerName: Text(200), identityCode: Text(20), customerNumber: Text(40), confirmDataTruthful: Type.Boolean(),
}, { additionalProperties: false });
export type LinkCustomerBody = Static<typeof LinkCustomerBody>;
export const LinkCustomerAnswer = Type.Object({ customerId: Type.String() });
export type LinkCustomerAnswer = Static<typeof LinkCustomerAnswer>;

/** One of the user's live sessions; `id` is the session's hash (the cookie's token never leaves it). */
export const MySession = Type.Object({
  id: Type.String(),
  createdAt: Instant,
  lastSeenAt: Instant,
  ip: Type.String(),
  userAgent: Type.String(),
  authMethod: AuthMethod,
  /** the session of this request */
  current: Type.Boolean(),
});
export type MySession = Static<typeof MySession>;
export const MySessions = Type.Array(MySession);
export type MySessions = Static<typeof MySessions>;

export const SessionParams = Type.Object({ sessionId: Type.String({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' }) });
export type SessionParams = Static<typeof SessionParams>;

/** The TOTP secret, shown once; `qrCode` is the otpauth address as an SVG QR code in a `data:` URL. */
export const TotpSetupAnswer = Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrCode: Type.String() });
export type TotpSetupAnswer = Static<typeof TotpSetupAnswer>;

export const EnableTotpBody = SecondFactorBody;
export type EnableTotpBody = Static<typeof EnableTotpBody>;

/** The password confirms it is really the user (turning TOTP off, ending portal use). */
export const DisableTotpBody = Type.Object({ password: Password }, { additionalProperties: false });
export type DisableTotpBody = Static<typeof DisableTotpBody>;
export const EndPortalUseBody = Type.Object({ password: Password }, { additionalProperties: false });
export type EndPortalUseBody = Static<typeof EndPortalUseBody>;

// ---- the customer's users (ACC-10) ---------------------------------------------------------------------

/** A user acting for the customer, as its main user sees them. */
export const CustomerUser = Type.Object({
  membershipId: Type.String(),
  userId: Type.String(),
  fullName: Type.String(),
  email: Type.String(),
  role: MemberRole,
  rights: GrantedRights,
  /** the account's state: pending until the invited user chose a password; blocked ones keep their membership */
  status: UserStatus,
  since: Instant,
});
export type CustomerUser = Static<typeof CustomerUser>;
export const CustomerUsers = Type.Array(CustomerUser);
export type CustomerUsers = Static<typeof CustomerUsers>;

export const MembershipParams = Type.Object({ customerId: Id, membershipId: Id });
export type MembershipParams = Static<typeof MembershipParams>;

export const InviteUserBody = Type.Object({ email: Email, fullName: Text(200), rights: Rights, confirmDataTruthful: Type.Boolean() }, { additionalProperties: false });
export type InviteUserBody = Static<typeof InviteUserBody>;
export const InviteUserAnswer = Type.Object({ membershipId: Type.String() });
export type InviteUserAnswer = Static<typeof InviteUserAnswer>;

export const ChangeRightsBody = Type.Object({ rights: Rights }, { additionalProperties: false });
export type ChangeRightsBody = Static<typeof ChangeRightsBody>;

// ---- the back office (ACC-5, ACC-6, ACC-7, ACC-12, ACC-13) ---------------------------------------------

/** ACC-5: staff register a customer's main user at a service centre, after seeing an ID document. */
export const RegisterAccountBody = Type.Object({
  fullName: Text(200), email: Email, phone: Type.Optional(Phone), personalCode: Type.Optional(Text(20)),
}, { additionalProperties: false });
export type RegisterAccountBody = Static<typeof RegisterAccountBody>;
export const RegisterAccountAnswer = Type.Object({ userId: Type.String() });
export type RegisterAccountAnswer = Static<typeof RegisterAccountAnswer>;

export const StaffMembershipParams = Type.Object({ membershipId: Id });
export type StaffMembershipParams = Static<typeof StaffMembershipParams>;

export const UserParams = Type.Object({ userId: Id });
export type UserParams = Static<typeof UserParams>;

export const BlockUserBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export type BlockUserBody = Static<typeof BlockUserBody>;

/** A portal user of a customer as customer service sees it (ACC-13): every membership, ended ones too. */
export const StaffPortalUser = Type.Object({
  membershipId: Type.String(),
  membershipStatus: Type.Union([Type.Literal('active'), Type.Literal('removed'), Type.Literal('denied')]),
  role: MemberRole,
  rights: Type.Array(Type.String()),
  userId: Type.String(),
  fullName: Type.String(),
  email: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked'), Type.Literal('deleted')]),
  blockedReason: Nullable(Type.String()),
  /** a temporary lockout after failed logins (ACC-7) */
  lockedUntil: Nullable(Instant),
  /** ACC-6: staff asked for a new password and the user has not chosen it yet */
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Instant),
});
export type StaffPortalUser = Static<typeof StaffPortalUser>;
