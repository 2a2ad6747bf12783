import { Type, type Static } from 'typebox';
import { CustomerKind, Email, IsoDate, Language, Nullable, Phone, Text } from './fields.ts';

/** The customers module's part of the API contract (ACC-15, ACC-17, ACC-19). */

/** The audit actions the module records (ACC-17). */
export const CUSTOMERS_AUDIT_ACTIONS = [
  'contact.changed', 'contract.added', 'customer.created', 'customer.updated_by_staff', 'customers.imported',
  'service_password.checked', 'service_password.set',
] as const;

/** Contract types a customer record can hold (the server checks they are the operator profiles' ContractType). */
export const ContractType = Type.Union([
  Type.Literal('electricity_supply'), Type.Literal('gas_supply'), Type.Literal('grid_connection'), Type.Literal('ev_charging'),
  Type.Literal('radio_permit'), Type.Literal('product_purchase'), Type.Literal('additional_service'),
]);
export type ContractType = Static<typeof ContractType>;
export const CONTRACT_TYPES: readonly ContractType[] = ContractType.anyOf.map((literal) => literal.const);

export const ContractStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('suspended'), Type.Literal('ended')]);
export type ContractStatus = Static<typeof ContractStatus>;
export const CONTRACT_STATUSES: readonly ContractStatus[] = ContractStatus.anyOf.map((literal) => literal.const);

/** How the customer gets invoices (BIL-2) and notices (GRD-7). */
export const InvoiceChannel = Type.Union([Type.Literal('email'), Type.Literal('post'), Type.Literal('portal')]);
export type InvoiceChannel = Static<typeof InvoiceChannel>;
export const NoticeChannel = Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('portal')]);
export type NoticeChannel = Static<typeof NoticeChannel>;

/*
 * Answers: contact fields are plain strings (not Email or Phone), as stored: an imported record's phone is
 * not checked against the pattern a form must match, and the answer must not depend on it.
 */

/** A customer record as customer service sees it (staff search, the customer file). */
export const Customer = Type.Object({
  id: Type.String(),
  kind: CustomerKind,
  name: Type.String(),
  identityCode: Type.String(),
  customerNumber: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  postalAddress: Nullable(Type.String()),
  invoiceChannel: InvoiceChannel,
  noticeChannel: NoticeChannel,
  language: Language,
  hasServicePassword: Type.Boolean(),
});
export type Customer = Static<typeof Customer>;

/** GET /api/staff/customers?q=: at most 50 records, by name. */
export const CustomerList = Type.Array(Customer);
export type CustomerList = Static<typeof CustomerList>;

export const Contract = Type.Object({
  id: Type.String(),
  type: ContractType,
  number: Type.String(),
  status: ContractStatus,
  startsOn: Nullable(IsoDate),
  endsOn: Nullable(IsoDate),
});
export type Contract = Static<typeof Contract>;

/** A customer's contracts, oldest first. */
export const ContractList = Type.Array(Contract);
export type ContractList = Static<typeof ContractList>;

/** ACC-15: the customer's contact details and channels. */
export const ContactDetails = Type.Object({
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  postalAddress: Nullable(Type.String()),
  invoiceChannel: InvoiceChannel,
  noticeChannel: NoticeChannel,
});
export type ContactDetails = Static<typeof ContactDetails>;

/** What creating a customer or adding a contract answers: the new record's id. */
export const CreatedRecord = Type.Object({ id: Type.String() });
export type CreatedRecord = Static<typeof CreatedRecord>;

/** A bad row of an imported file: the row number counts the header as row 1. */
export const ImportRowError = Type.Object({ row: Type.Integer(), field: Type.String(), reason: Type.String() });
export type ImportRowError = Static<typeof ImportRowError>;

/** A file with a bad row imports nothing: the counts are 0 and `errors` lists every bad row and field. */
export const ImportResult = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  contracts: Type.Integer(),
  errors: Type.Array(ImportRowError),
});
export type ImportResult = Static<typeof ImportResult>;

/** ACC-19: whether the password a caller gave is the customer's, and whether the customer has set one. */
export const ServicePasswordCheck = Type.Object({ matches: Type.Boolean(), isSet: Type.Boolean() });
export type ServicePasswordCheck = Static<typeof ServicePasswordCheck>;

/* Requests */

export const ContactDetailsBody = Type.Object({
  email: Nullable(Email),
  phone: Nullable(Phone),
  postalAddress: Nullable(Text(300)),
  invoiceChannel: InvoiceChannel,
  noticeChannel: NoticeChannel,
}, { additionalProperties: false });
export type ContactDetailsBody = Static<typeof ContactDetailsBody>;

/** Setting (PUT …/service-password) and checking (staff) a service password. */
export const ServicePasswordBody = Type.Object({ servicePassword: Text(64) }, { additionalProperties: false });
export type ServicePasswordBody = Static<typeof ServicePasswordBody>;

export const CustomerSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) });
export type CustomerSearchQuery = Static<typeof CustomerSearchQuery>;

export const CreateCustomerBody = Type.Object({
  kind: CustomerKind,
  name: Text(200),
  identityCode: Text(20),
  customerNumber: Text(40),
  email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Phone)),
  postalAddress: Type.Optional(Nullable(Text(300))),
  language: Type.Optional(Language),
}, { additionalProperties: false });
export type CreateCustomerBody = Static<typeof CreateCustomerBody>;

/** PATCH /api/staff/customers/:customerId: only the fields sent change. */
export const UpdateCustomerBody = Type.Object({
  name: Type.Optional(Text(200)),
  email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Phone)),
  postalAddress: Type.Optional(Nullable(Text(300))),
  language: Type.Optional(Language),
}, { additionalProperties: false });
export type UpdateCustomerBody = Static<typeof UpdateCustomerBody>;

export const AddContractBody = Type.Object({
  type: ContractType,
  number: Text(40),
  status: ContractStatus,
  startsOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  /** BIL-13: the object (address, charge point) the confirmation e-mail of a pending contract names */
  object: Type.Optional(Nullable(Text(200))),
}, { additionalProperties: false });
export type AddContractBody = Static<typeof AddContractBody>;

/** The operator's customer records as CSV (RFC 4180), header first; up to 20 MB. */
export const ImportCustomersBody = Type.Object({ csv: Type.String({ minLength: 1, maxLength: 20_000_000 }) }, { additionalProperties: false });
export type ImportCustomersBody = Static<typeof ImportCustomersBody>;
