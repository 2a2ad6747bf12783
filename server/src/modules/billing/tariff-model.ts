import type { LocalizedText } from '@up/operators';

/**
 * One tariff model for everything the operator sells (issue 12, BIL-8), after OCPI 2.2.1's Tariff
 * (module "Tariffs": Tariff → TariffElement → PriceComponent + TariffRestrictions), extended with three
 * component types of a utility: a monthly fixed fee, a per-ampere capacity fee and a spot-indexed energy price.
 *
 * A tariff has versions; each version is valid from a Riga day (inclusive) until the next version's first day,
 * and prices a service by the version valid when the service was received (BIL-8). Inside a version, for each
 * component type, the FIRST element (in order) that has a component of that type and whose restrictions all
 * match is used (OCPI 2.2.1, TariffElement). Prices are exact decimal strings in euros without VAT with at most
 * six decimals ('0.154320'); the engine works in integer micro-euros (µ€) and nano-euros, never floats.
 */
export interface TariffVersion {
  /** the stored version's id (a line's explanation names it) */
  id: string;
  tariffCode: string;
  /** 1, 2, 3 … per tariff */
  version: number;
  name: LocalizedText;
  /** Riga day, inclusive */
  validFrom: string;
  /** Riga day, exclusive; null = until a later version */
  validUntil: string | null;
  elements: TariffElement[];
}

export interface TariffElement {
  /** our extension: what the element is called on an invoice line, e.g. { lv: 'Nakts zona', … } */
  label?: LocalizedText;
  priceComponents: PriceComponent[];
  restrictions?: TariffRestrictions;
}

/**
 * OCPI's dimension types plus three of ours:
 * - ENERGY: € per kWh; step in Wh
 * - TIME: € per hour of charging; step in seconds
 * - PARKING_TIME: € per hour of not charging while connected; step in seconds
 * - FLAT: € per session
 * - MONTHLY_FEE: € per calendar month the contract is active (a part month pays its share of days)
 * - CAPACITY_FEE: € per ampere of connection capacity per month (prorated like MONTHLY_FEE)
 * - SPOT_ENERGY: € per kWh added to the interval's day-ahead spot price (the margin; may be '0'); step in Wh
 */
export type PriceComponentType = 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'FLAT' | 'MONTHLY_FEE' | 'CAPACITY_FEE' | 'SPOT_ENERGY';

export interface PriceComponent {
  type: PriceComponentType;
  /** euros per unit without VAT, exact decimal with at most 6 decimals */
  price: string;
  /** VAT in percent, exact decimal ('21', '12', '0'); the operator's default when the tariff is entered */
  vatPercent: string;
  /** OCPI step_size: the quantity is billed in whole steps (Wh for energy, seconds for time); 1 = exact */
  stepSize: number;
}

/**
 * OCPI TariffRestrictions. All given restrictions must match. Times and days are Europe/Riga local.
 * startTime inclusive, endTime exclusive, 'HH:MM'; endTime before startTime spans midnight (22:00–07:00).
 * startDate inclusive, endDate exclusive, 'YYYY-MM-DD'. minKwh inclusive, maxKwh exclusive, counted over the
 * billing period (a month) or the session before the energy in question. Power in kW, duration in seconds.
 */
export interface TariffRestrictions {
  startTime?: string;
  endTime?: string;
  startDate?: string;
  endDate?: string;
  minKwh?: string;
  maxKwh?: string;
  minPowerKw?: string;
  maxPowerKw?: string;
  minDurationSeconds?: number;
  maxDurationSeconds?: number;
  dayOfWeek?: DayOfWeek[];
  /**
   * Our extension, for energy billed from meter readings (a meter without interval data): the register the
   * element prices ('day', 'night', 'total'). A register total is matched by `register` and the date and kWh
   * restrictions, not by time of day or weekday (the meter's register already did that); interval data is
   * matched by time and never by `register`.
   */
  register?: string;
}

export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
