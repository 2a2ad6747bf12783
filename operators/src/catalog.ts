/**
 * Runtime lists of the unions in operator-profile.ts, so that code (and the demo profile) can say
 * "every module" or "every order type". If a member is added to a union but not here, the
 * `complete` checks below stop the type-check.
 */
import type { ModuleName, OrderType } from './operator-profile.ts';

const moduleNames = ['accounts', 'billing', 'charging', 'metering', 'grid', 'permits', 'privacy'] as const;

const orderTypes = [
  'meter_reading',
  'service_application',
  'contract_conclusion',
  'contract_amendment',
  'document_signing',
  'user_change',
  'contact_change',
] as const;

/** `true` only when nothing of `Union` is missing from `Listed`. */
type Complete<Union, Listed> = [Exclude<Union, Listed>] extends [never] ? true : false;
const modulesComplete: Complete<ModuleName, (typeof moduleNames)[number]> = true;
const orderTypesComplete: Complete<OrderType, (typeof orderTypes)[number]> = true;
void modulesComplete;
void orderTypesComplete;

export const MODULE_NAMES: readonly ModuleName[] = moduleNames;
export const ORDER_TYPES: readonly OrderType[] = orderTypes;
