import { LANGUAGES, type LocalizedText } from '@up/operators';
import { roundHalfUpBig } from '@up/common/money';
import { firstOfNextMonth, rigaDayOfMs, rigaDaysBetween, rigaWallClock } from '@up/common/riga-days';
import { isIsoDate } from '@up/common/riga-time';
import { invalidField } from '../../infra/errors.js';
import type {
  DayOfWeek,
  PriceComponent,
  PriceComponentType,
  TariffElement,
  TariffRestrictions,
  TariffVersion,
} from './tariff-model.ts';

/**
 * The pure tariff pricing engine (BIL-8): metered energy, monthly fixed fees and EV charging sessions priced by
 * versioned OCPI 2.2.1-style tariffs (tariff-model.ts). No database, no clock, no floats for money.
 *
 * Money: unit prices are exact decimals parsed to integer micro-euros (µ€); energy is integer Wh; Wh × µ€/kWh is
 * nano-euros (n€) exactly, summed in bigint. Each charge line is rounded half-up (away from zero) to cents ONCE:
 * netCents = roundHalfUpBig(netNanoEuros, 10^7).
 *
 * Version choice (BIL-8): an interval, a fee day or a session is priced by the version whose [validFrom, until)
 * contains its Riga day (an interval's and a session's by their start). A version's `until` is its validUntil, or
 * when that is null the next version's validFrom (tariff-model.ts: "null = until a later version"). The versions
 * passed are one timeline (one tariff's versions, or a contract's successive tariffs); overlapping versions throw
 * a RangeError, because which price applies would be a guess.
 *
 * Element choice (OCPI): per dimension, the FIRST element (in order) that has a component of that dimension and
 * whose restrictions all match. ENERGY and SPOT_ENERGY are one dimension "energy". A restriction that cannot be
 * evaluated for what is priced (a time of day for a fee day, a duration for a metered interval, a power for
 * either) does not match, so such an element is skipped rather than applied half-checked.
 */

export interface MeteredInterval {
  startMs: number;
  minutes: number;
  /** null = missing: counted, never charged as zero */
  importWh: number | null;
  /** the day-ahead spot price in µ€/kWh (may be negative); null = not known */
  spotUeurPerKwh: number | null;
}

export interface PricedCharge {
  componentType: PriceComponentType;
  tariffVersionId: string;
  tariffCode: string;
  tariffVersion: number;
  elementIndex: number;
  /** element label if it has one, else null (the caller names the line) */
  label: LocalizedText | null;
  /** exact decimal in the unit: kWh with 3 decimals ('212.345'), months '1', days '17', amperes '25', hours '1.250' */
  quantity: string;
  unitCode: 'KWH' | 'MON' | 'DAY' | 'AMP' | 'HUR' | 'C62';
  /** exact decimal euros per unit, 6 decimals ('0.154320'); for SPOT_ENERGY and prorated fees an average to 6 decimals */
  unitPrice: string;
  /** exact, before the one rounding (prorated fees and time: truncated below 1 n€, see feeCharge and timeCharge) */
  netNanoEuros: bigint;
  /** roundHalfUpBig(netNanoEuros, 10^7) */
  netCents: number;
  vatPercent: string;
  /** Riga days covered, inclusive */
  periodStart: string;
  periodEnd: string;
  /** energy lines: per Riga day the Wh and n€ priced in this line (for "why is this line 23.41 €"); [] for fees */
  days: { day: string; wh: number; nanoEuros: bigint }[];
}

export interface EnergyPricing {
  charges: PricedCharge[];
  /** intervals whose importWh is null */
  missingIntervals: number;
  /** Wh no version, no element or no spot price could price */
  unpricedWh: number;
  /** intervals with any unpriced part */
  unpricedIntervals: number;
}

export interface SessionPeriod {
  startMs: number;
  endMs: number;
  energyWh: number;
  powerKw: number;
  charging: boolean;
}

const NANO_EUROS_PER_CENT = 10_000_000n;
/** ms / 3600 = milli-hours, and ms × µ€/h / 3600 = n€ */
const MS_PER_MILLIHOUR = 3_600n;
const ENERGY_TYPES: readonly PriceComponentType[] = ['ENERGY', 'SPOT_ENERGY'];
const TYPE_ORDER: readonly PriceComponentType[] = [
  'FLAT',
  'ENERGY',
  'SPOT_ENERGY',
  'TIME',
  'PARKING_TIME',
  'MONTHLY_FEE',
  'CAPACITY_FEE',
];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS: readonly DayOfWeek[] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

// ---------------------------------------------------------------------------------------------------------------
// Exact decimals

/** '0.15432' → 154320 µ€. Throws a RangeError naming `field` on anything but a decimal with ≤ 6 decimals. */
export function parseDecimalMicros(text: string, field: string): number {
  return parseScaled(text, 6, field);
}

/** An exact decimal string scaled to an integer: ('0.15432', 6) → 154320n; null when it is not such a decimal. */
function scaledDecimal(text: unknown, decimals: number): bigint | null {
  if (typeof text !== 'string') return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > decimals) return null;
  const value = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  return minus ? -value : value;
}

function parseScaled(text: unknown, decimals: number, field: string): number {
  const value = scaledDecimal(text, decimals);
  if (value === null) {
    throw new RangeError(`${field}: not an exact decimal with at most ${decimals} decimals: ${JSON.stringify(text)}`);
  }
  if (!isSafe(value)) throw new RangeError(`${field}: too large: ${JSON.stringify(text)}`);
  return Number(value);
}

function isSafe(value: bigint): boolean {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return value <= max && value >= -max;
}

/** (212345n, 3) → '212.345' */
function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

const kwhOf = (wh: number) => formatScaled(BigInt(wh), 3);

function ceilToStep(amount: number, step: number): number {
  const rest = amount % step;
  return rest === 0 ? amount : amount + step - rest;
}

// ---------------------------------------------------------------------------------------------------------------
// Versions and elements, parsed once per call

interface VersionSpan {
  version: TariffVersion;
  /** position in validFrom order: charges are listed version by version */
  order: number;
  /** exclusive; null = open */
  until: string | null;
  elements: CompiledElement[];
}

interface CompiledElement {
  index: number;
  label: LocalizedText | null;
  components: CompiledComponent[];
  restrictions: CompiledRestrictions;
}

interface CompiledComponent {
  type: PriceComponentType;
  micros: number;
  vatPercent: string;
  stepSize: number;
}

interface CompiledRestrictions {
  startMinute?: number;
  /** 'HH:MM' end as minutes; '00:00' is 1440, OCPI's "to stop at end of the day" */
  endMinute?: number;
  startDate?: string;
  endDate?: string;
  minWh?: number;
  maxWh?: number;
  minPowerW?: number;
  maxPowerW?: number;
  minDurationSeconds?: number;
  maxDurationSeconds?: number;
  days?: ReadonlySet<DayOfWeek>;
  register?: string;
}

function buildTimeline(versions: readonly TariffVersion[]): VersionSpan[] {
  const sorted = [...versions].sort((a, b) => compareText(a.validFrom, b.validFrom));
  return sorted.map((version, order) => {
    const next = sorted[order + 1];
    const until = version.validUntil ?? next?.validFrom ?? null;
    checkSpan(version, until, next);
    const elements = version.elements.map((element, index) =>
      compileElement(element, index, `${versionName(version)} elements[${index}]`),
    );
    return { version, order, until, elements };
  });
}

function checkSpan(version: TariffVersion, until: string | null, next: TariffVersion | undefined): void {
  const name = versionName(version);
  if (!isIsoDate(version.validFrom) || (until !== null && !isIsoDate(until))) {
    throw new RangeError(`${name}: validFrom/validUntil must be YYYY-MM-DD days`);
  }
  if (until !== null && until <= version.validFrom) {
    throw new RangeError(`${name} is valid on no day (from ${version.validFrom} until ${until})`);
  }
  if (next && (until === null || until > next.validFrom)) {
    throw new RangeError(`${name} overlaps ${versionName(next)} (from ${next.validFrom})`);
  }
}

const versionName = (version: TariffVersion) => `tariff ${version.tariffCode} v${version.version}`;

function versionOnDay(timeline: readonly VersionSpan[], day: string): VersionSpan | undefined {
  return timeline.find((span) => span.version.validFrom <= day && (span.until === null || day < span.until));
}

function compileElement(element: TariffElement, index: number, path: string): CompiledElement {
  const components = element.priceComponents.map((component, j) => ({
    type: component.type,
    micros: parseDecimalMicros(component.price, `${path}.priceComponents[${j}].price`),
    vatPercent: component.vatPercent,
    stepSize: checkStepSize(component.stepSize, `${path}.priceComponents[${j}].stepSize`),
  }));
  const restrictions = compileRestrictions(element.restrictions ?? {}, `${path}.restrictions`);
  return { index, label: element.label ?? null, components, restrictions };
}

function checkStepSize(stepSize: number, field: string): number {
  if (!Number.isSafeInteger(stepSize) || stepSize < 1) throw new RangeError(`${field}: must be a whole number ≥ 1`);
  return stepSize;
}

function compileRestrictions(r: TariffRestrictions, path: string): CompiledRestrictions {
  const compiled: CompiledRestrictions = {};
  if (r.startTime !== undefined) compiled.startMinute = clockMinutes(r.startTime, `${path}.startTime`);
  if (r.endTime !== undefined) compiled.endMinute = clockMinutes(r.endTime, `${path}.endTime`) || 1440;
  if (r.startDate !== undefined) compiled.startDate = checkedDay(r.startDate, `${path}.startDate`);
  if (r.endDate !== undefined) compiled.endDate = checkedDay(r.endDate, `${path}.endDate`);
  // kWh and kW with 3 decimals are whole Wh and W
  if (r.minKwh !== undefined) compiled.minWh = parseScaled(r.minKwh, 3, `${path}.minKwh`);
  if (r.maxKwh !== undefined) compiled.maxWh = parseScaled(r.maxKwh, 3, `${path}.maxKwh`);
  if (r.minPowerKw !== undefined) compiled.minPowerW = parseScaled(r.minPowerKw, 3, `${path}.minPowerKw`);
  if (r.maxPowerKw !== undefined) compiled.maxPowerW = parseScaled(r.maxPowerKw, 3, `${path}.maxPowerKw`);
  if (r.minDurationSeconds !== undefined) compiled.minDurationSeconds = r.minDurationSeconds;
  if (r.maxDurationSeconds !== undefined) compiled.maxDurationSeconds = r.maxDurationSeconds;
  if (r.dayOfWeek !== undefined) compiled.days = new Set(r.dayOfWeek);
  if (r.register !== undefined) compiled.register = r.register;
  return compiled;
}

function clockMinutes(text: string, field: string): number {
  if (!CLOCK.test(text)) throw new RangeError(`${field}: not a time HH:MM: ${JSON.stringify(text)}`);
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

function checkedDay(text: string, field: string): string {
  if (!isIsoDate(text)) throw new RangeError(`${field}: not a day YYYY-MM-DD: ${JSON.stringify(text)}`);
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Restrictions

/** What a restriction is checked against; null = not known for what is priced (a restriction on it fails). */
interface Moment {
  /** Riga day and wall clock */
  day: string;
  weekday: DayOfWeek;
  minuteOfDay: number | null;
  /** energy consumed before the energy in question */
  consumedWh: number | null;
  powerKw: number | null;
  /** session duration so far */
  durationSeconds: number | null;
  /** a register total from meter readings: matched by register instead of time of day and weekday */
  register?: string;
}

type WallMoment = Pick<Moment, 'day' | 'weekday' | 'minuteOfDay'>;

function wallMoment(utcMs: number): WallMoment {
  const wall = rigaWallClock(utcMs); // 'YYYY-MM-DD HH:MM'
  const day = wall.slice(0, 10);
  return { day, weekday: weekdayOf(day), minuteOfDay: Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16)) };
}

function dayMoment(day: string): Moment {
  return { day, weekday: weekdayOf(day), minuteOfDay: null, consumedWh: null, powerKw: null, durationSeconds: null };
}

const weekdayOf = (day: string): DayOfWeek => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];

function restrictionsMatch(r: CompiledRestrictions, m: Moment): boolean {
  const byRegister = m.register !== undefined;
  return (
    (byRegister ? r.register === undefined || r.register === m.register : timeOfDayMatches(r.startMinute, r.endMinute, m.minuteOfDay)) &&
    (r.startDate === undefined || m.day >= r.startDate) &&
    (r.endDate === undefined || m.day < r.endDate) &&
    (byRegister || r.days === undefined || r.days.has(m.weekday)) &&
    inRange(m.consumedWh, r.minWh, r.maxWh) &&
    inRange(m.powerKw === null ? null : m.powerKw * 1000, r.minPowerW, r.maxPowerW) &&
    inRange(m.durationSeconds, r.minDurationSeconds, r.maxDurationSeconds)
  );
}

/** start inclusive, end exclusive; an end before the start spans midnight (22:00–07:00). */
function timeOfDayMatches(start: number | undefined, end: number | undefined, minute: number | null): boolean {
  if (start === undefined && end === undefined) return true;
  if (minute === null) return false;
  if (start !== undefined && end !== undefined && end < start) return minute >= start || minute < end;
  return (start === undefined || minute >= start) && (end === undefined || minute < end);
}

/** min inclusive, max exclusive (OCPI) */
function inRange(value: number | null, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  if (value === null) return false;
  return (min === undefined || value >= min) && (max === undefined || value < max);
}

interface Choice {
  element: CompiledElement;
  component: CompiledComponent;
}

function chooseElement(elements: readonly CompiledElement[], types: readonly PriceComponentType[], moment: Moment): Choice | null {
  for (const element of elements) {
    const component = element.components.find((c) => types.includes(c.type));
    if (component && restrictionsMatch(element.restrictions, moment)) return { element, component };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Charge lines: one per (version, element, component type)

interface Line {
  span: VersionSpan;
  element: CompiledElement;
  component: CompiledComponent;
  /** Wh for energy, ms for time, days for fees, 1 for FLAT */
  amount: number;
  /** energy: Σ n€ so far (exact); others computed when the line is closed */
  nanoEuros: bigint;
  days: Map<string, { wh: number; nanoEuros: bigint }>;
  firstDay: string;
  lastDay: string;
}

function lineFor(lines: Map<string, Line>, span: VersionSpan, choice: Choice, day: string): Line {
  const key = `${span.order}/${choice.element.index}/${choice.component.type}`;
  let line = lines.get(key);
  if (!line) {
    line = { span, ...choice, amount: 0, nanoEuros: 0n, days: new Map(), firstDay: day, lastDay: day };
    lines.set(key, line);
  }
  coverDay(line, day);
  return line;
}

function coverDay(line: Line, day: string): void {
  if (day < line.firstDay) line.firstDay = day;
  if (day > line.lastDay) line.lastDay = day;
}

function addEnergy(line: Line, day: string, wh: number, nanoEuros: bigint): void {
  const entry = line.days.get(day) ?? { wh: 0, nanoEuros: 0n };
  entry.wh += wh;
  entry.nanoEuros += nanoEuros;
  line.days.set(day, entry);
  line.amount += wh;
  line.nanoEuros += nanoEuros;
}

/** A step's rounding-up is energy of the line's last day, so the days still add up to the line. */
function addEnergySurplus(line: Line, wh: number): void {
  if (wh === 0) return;
  const lastDay = [...line.days.keys()].sort().at(-1) ?? line.lastDay;
  addEnergy(line, lastDay, wh, BigInt(wh) * BigInt(line.component.micros));
}

function compareLines(a: Line, b: Line): number {
  return (
    a.span.order - b.span.order ||
    a.element.index - b.element.index ||
    TYPE_ORDER.indexOf(a.component.type) - TYPE_ORDER.indexOf(b.component.type)
  );
}

function toCharge(
  line: Line,
  priced: { quantity: string; unitCode: PricedCharge['unitCode']; unitMicros: bigint; netNanoEuros: bigint },
): PricedCharge {
  const { version } = line.span;
  return {
    componentType: line.component.type,
    tariffVersionId: version.id,
    tariffCode: version.tariffCode,
    tariffVersion: version.version,
    elementIndex: line.element.index,
    label: line.element.label,
    quantity: priced.quantity,
    unitCode: priced.unitCode,
    unitPrice: formatScaled(priced.unitMicros, 6),
    netNanoEuros: priced.netNanoEuros,
    netCents: Number(roundHalfUpBig(priced.netNanoEuros, NANO_EUROS_PER_CENT)),
    vatPercent: line.component.vatPercent,
    periodStart: line.firstDay,
    periodEnd: line.lastDay,
    days: [...line.days.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([day, entry]) => ({ day, wh: entry.wh, nanoEuros: entry.nanoEuros })),
  };
}

function energyCharge(line: Line): PricedCharge {
  const quantity = kwhOf(line.amount);
  if (line.component.type === 'SPOT_ENERGY') {
    // n€ / Wh = µ€/kWh: the average price of the line's energy, shown; the net stays exact
    const unitMicros = roundHalfUpBig(line.nanoEuros, BigInt(line.amount));
    return toCharge(line, { quantity, unitCode: 'KWH', unitMicros, netNanoEuros: line.nanoEuros });
  }
  return toCharge(line, { quantity, unitCode: 'KWH', unitMicros: BigInt(line.component.micros), netNanoEuros: line.nanoEuros });
}

// ---------------------------------------------------------------------------------------------------------------
// Metered energy

/**
 * Prices a billing period's metered import (BIL-8).
 *
 * - Each interval takes the version valid on the Riga day of its start; with none, its Wh are unpriced
 *   (unpricedWh, unpricedIntervals), not charged. importWh null is missing: counted in missingIntervals, never
 *   charged as zero, and not counted as consumed.
 * - Element: the first element with an ENERGY or SPOT_ENERGY component (one dimension) whose restrictions match
 *   the Riga wall clock, weekday and day at the interval's START: an interval is priced wholly in the band it
 *   starts in (quarter-hours and hours never straddle a band that starts on the quarter hour). Power and duration
 *   restrictions never match metered energy (an interval is not a session).
 * - min/maxKwh compare the import of the EARLIER intervals in the array (the caller passes the period in time
 *   order); an interval crossing a threshold is split exactly in Wh between the elements either side. Unpriced Wh
 *   still count as consumed (they were used).
 * - SPOT_ENERGY prices a Wh at (spot + margin) µ€/kWh; spot may be negative. An interval without a spot price
 *   is unpriced (the first matching element decides; it does not fall through to a fixed price).
 * - One charge per (version, element, component type), listed by version, element, type; a line with
 *   0 Wh is dropped (nothing to show or pay). ENERGY: quantity = Σ Wh rounded UP to the component's stepSize
 *   (the surplus is shown on the line's last day), unitPrice = the price, net = Wh × µ€. SPOT_ENERGY ignores
 *   stepSize: each Wh has its own interval's price, so a rounded-up surplus would have no price of its own;
 *   unitPrice = net / kWh to 6 decimals (an average), the net exact.
 */
export function priceEnergy(versions: readonly TariffVersion[], intervals: readonly MeteredInterval[]): EnergyPricing {
  const timeline = buildTimeline(versions);
  const lines = new Map<string, Line>();
  const pricing: EnergyPricing = { charges: [], missingIntervals: 0, unpricedWh: 0, unpricedIntervals: 0 };
  let consumedWh = 0;
  intervals.forEach((interval, i) => {
    checkInterval(interval, `intervals[${i}]`);
    if (interval.importWh === null) {
      pricing.missingIntervals += 1;
      return;
    }
    const unpricedWh = priceInterval(timeline, lines, interval.startMs, interval.importWh, interval.spotUeurPerKwh, consumedWh);
    if (unpricedWh !== null) {
      pricing.unpricedIntervals += 1;
      pricing.unpricedWh += unpricedWh;
    }
    consumedWh += interval.importWh;
  });
  for (const line of lines.values()) {
    if (line.component.type === 'ENERGY') addEnergySurplus(line, ceilToStep(line.amount, line.component.stepSize) - line.amount);
  }
  pricing.charges = [...lines.values()].filter((line) => line.amount > 0).sort(compareLines).map(energyCharge);
  return pricing;
}

/** Returns null when every Wh was priced, else the unpriced Wh (0 for an unpriced empty interval). */
function priceInterval(
  timeline: readonly VersionSpan[],
  lines: Map<string, Line>,
  startMs: number,
  importWh: number,
  spot: number | null,
  consumedBefore: number,
): number | null {
  const wall = wallMoment(startMs);
  const span = versionOnDay(timeline, wall.day);
  if (!span) return importWh;
  let unpriced: number | null = null;
  let consumed = consumedBefore;
  let left = importWh;
  do {
    const moment: Moment = { ...wall, consumedWh: consumed, powerKw: null, durationSeconds: null };
    const wh = Math.min(left, nextEnergyThreshold(span.elements, consumed) - consumed);
    const choice = chooseElement(span.elements, ENERGY_TYPES, moment);
    const micros = choice && energyMicros(choice.component, spot);
    if (choice === null || micros === null) unpriced = (unpriced ?? 0) + wh;
    else addEnergy(lineFor(lines, span, choice, wall.day), wall.day, wh, BigInt(wh) * BigInt(micros));
    consumed += wh;
    left -= wh;
  } while (left > 0);
  return unpriced;
}

/** The next min/maxKwh above `consumedWh`: up to there the same element applies. */
function nextEnergyThreshold(elements: readonly CompiledElement[], consumedWh: number): number {
  let next = Infinity;
  for (const { restrictions: r } of elements) {
    for (const threshold of [r.minWh, r.maxWh]) {
      if (threshold !== undefined && threshold > consumedWh && threshold < next) next = threshold;
    }
  }
  return next;
}

function energyMicros(component: CompiledComponent, spot: number | null): number | null {
  if (component.type !== 'SPOT_ENERGY') return component.micros;
  return spot === null ? null : spot + component.micros;
}

/** A register's consumption between two readings: the meter's multiplier applied, Riga days inclusive. */
export interface RegisterEnergy {
  register: string;
  wh: number;
  fromDay: string;
  toDay: string;
}

/**
 * Prices energy read from a meter's registers (a meter without interval data, BIL-8): each register's
 * consumption at the version valid on the day of its closing reading, by the first element with an ENERGY
 * component whose `register` is that register (or names none) and whose date and kWh restrictions match; time
 * of day and weekday are the register's own. A spot-indexed element cannot price a register total (it has no
 * hours): that energy is unpriced. One charge per version and element, as for intervals.
 */
export function priceRegisterEnergy(versions: readonly TariffVersion[], registers: readonly RegisterEnergy[]): EnergyPricing {
  const timeline = buildTimeline(versions);
  const lines = new Map<string, Line>();
  const pricing: EnergyPricing = { charges: [], missingIntervals: 0, unpricedWh: 0, unpricedIntervals: 0 };
  let consumedWh = 0;
  for (const reading of registers) {
    const span = versionOnDay(timeline, reading.toDay);
    const moment: Moment = { ...dayMoment(reading.toDay), consumedWh, register: reading.register };
    const choice = span ? chooseElement(span.elements, ['ENERGY'], moment) : null;
    if (!span || !choice) {
      pricing.unpricedWh += reading.wh;
    } else {
      const line = lineFor(lines, span, choice, reading.toDay);
      coverDay(line, reading.fromDay);
      addEnergy(line, reading.toDay, reading.wh, BigInt(reading.wh) * BigInt(choice.component.micros));
    }
    consumedWh += reading.wh;
  }
  for (const line of lines.values()) addEnergySurplus(line, ceilToStep(line.amount, line.component.stepSize) - line.amount);
  pricing.charges = [...lines.values()].filter((line) => line.amount > 0).sort(compareLines).map(energyCharge);
  return pricing;
}

function checkInterval(interval: MeteredInterval, path: string): void {
  if (!Number.isSafeInteger(interval.startMs)) throw new RangeError(`${path}.startMs: not a whole number of ms`);
  if (interval.importWh !== null && !(Number.isSafeInteger(interval.importWh) && interval.importWh >= 0)) {
    throw new RangeError(`${path}.importWh: not a whole number of Wh ≥ 0: ${interval.importWh}`);
  }
  if (interval.spotUeurPerKwh !== null && !Number.isSafeInteger(interval.spotUeurPerKwh)) {
    throw new RangeError(`${path}.spotUeurPerKwh: not a whole number of µ€/kWh: ${interval.spotUeurPerKwh}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Monthly fixed fees

/**
 * The month's MONTHLY_FEE and CAPACITY_FEE charges (BIL-8 per day).
 *
 * Each Riga day of the month on which the contract is active ([activeFrom, activeUntil)) takes the version
 * valid that day, and in it the first element with that fee whose date and weekday restrictions match (fee
 * elements carry no other restrictions; validateTariffElements refuses them). So a tariff change mid-month
 * splits a fee by days between the versions: one charge per (version, element, type). Days without a valid
 * version pay no fee.
 * - MONTHLY_FEE: all days of the month in one line → quantity '1' MON at the price; otherwise quantity = its
 *   days, unit DAY, unitPrice = price / daysInMonth to 6 decimals, net = price × days / daysInMonth.
 * - CAPACITY_FEE: quantity = capacityAmperes, unit AMP, price per ampere per month; a part month's unitPrice is
 *   price × days / daysInMonth to 6 decimals, net = price × amperes × days / daysInMonth. Skipped when
 *   capacityAmperes is null or 0.
 * The prorated net in n€ is truncated toward zero: the half-cent thresholds are whole n€, so its cents are those
 * of rounding the exact fraction once — roundHalfUp(price_µ€ × 1000 × days, daysInMonth × 10^7).
 */
export function priceFixedFees(
  versions: readonly TariffVersion[],
  input: { month: string; activeFrom: string; activeUntil: string | null; capacityAmperes: number | null },
): PricedCharge[] {
  checkFeeInput(input);
  const timeline = buildTimeline(versions);
  const first = `${input.month}-01`;
  const monthDays = rigaDaysBetween(first, firstOfNextMonth(first));
  const amperes = input.capacityAmperes ?? 0;
  const types: PriceComponentType[] = amperes > 0 ? ['MONTHLY_FEE', 'CAPACITY_FEE'] : ['MONTHLY_FEE'];
  const lines = new Map<string, Line>();
  for (const day of monthDays) {
    const active = day >= input.activeFrom && (input.activeUntil === null || day < input.activeUntil);
    const span = active ? versionOnDay(timeline, day) : undefined;
    if (!span) continue;
    for (const type of types) {
      const choice = chooseElement(span.elements, [type], dayMoment(day));
      if (choice) lineFor(lines, span, choice, day).amount += 1;
    }
  }
  return [...lines.values()].sort(compareLines).map((line) => feeCharge(line, monthDays.length, amperes));
}

function feeCharge(line: Line, daysInMonth: number, amperes: number): PricedCharge {
  const micros = BigInt(line.component.micros);
  const days = BigInt(line.amount);
  const month = BigInt(daysInMonth);
  const wholeMonth = line.amount === daysInMonth;
  if (line.component.type === 'MONTHLY_FEE') {
    const netNanoEuros = (micros * 1000n * days) / month;
    if (wholeMonth) return toCharge(line, { quantity: '1', unitCode: 'MON', unitMicros: micros, netNanoEuros });
    const unitMicros = roundHalfUpBig(micros, month);
    return toCharge(line, { quantity: String(line.amount), unitCode: 'DAY', unitMicros, netNanoEuros });
  }
  const netNanoEuros = (micros * 1000n * BigInt(amperes) * days) / month;
  const unitMicros = wholeMonth ? micros : roundHalfUpBig(micros * days, month);
  return toCharge(line, { quantity: String(amperes), unitCode: 'AMP', unitMicros, netNanoEuros });
}

function checkFeeInput(input: Parameters<typeof priceFixedFees>[1]): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) throw new RangeError(`month: not YYYY-MM: ${JSON.stringify(input.month)}`);
  checkedDay(input.activeFrom, 'activeFrom');
  if (input.activeUntil !== null) checkedDay(input.activeUntil, 'activeUntil');
  const amperes = input.capacityAmperes;
  if (amperes !== null && !(Number.isSafeInteger(amperes) && amperes >= 0)) {
    throw new RangeError(`capacityAmperes: not a whole number of amperes ≥ 0: ${amperes}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// EV charging sessions

/**
 * Prices one charging session like an OCPI CDR (BIL-8: by the version valid on the Riga day of the session's
 * start; with none, or with no periods, the result is [] and the caller treats the session as unpriced).
 *
 * The periods are the session's charging periods in time order, as in an OCPI CDR: each is priced wholly by the
 * elements matching at its start (Riga wall clock and weekday, its powerKw, the session duration so far =
 * period start − session start, the session's energy before it), so the caller starts a new period where a
 * restriction would change (as a CPO does).
 * - ENERGY: € per kWh of every period's energy (a non-charging period normally has none); SPOT_ENERGY is not
 *   used for sessions, which carry no spot price.
 * - TIME: € per hour of charging periods; PARKING_TIME: € per hour of non-charging periods.
 * - FLAT: once per session, from the first element with FLAT matching at the session's start.
 * - Step sizes per OCPI 2.2.1: the session's total energy is rounded up to the stepSize (Wh) of the last ENERGY
 *   component used; of the time dimensions only the one used LAST (TIME or PARKING_TIME) is rounded up, its
 *   session total to the last component's stepSize (seconds). The surplus is billed by that last element.
 * - Quantities: kWh with 3 decimals; hours = ms / 3 600 000 to 3 decimals (rounded half-up: seconds rarely make
 *   a finite decimal of hours); time net = ms × µ€/h / 3600 n€, truncated toward zero (cents as if exact).
 */
export function priceSession(
  versions: readonly TariffVersion[],
  session: { startMs: number; periods: readonly SessionPeriod[] },
): PricedCharge[] {
  checkSession(session);
  const timeline = buildTimeline(versions);
  const span = versionOnDay(timeline, rigaDayOfMs(session.startMs));
  if (!span || session.periods.length === 0) return [];
  const lines = new Map<string, Line>();
  let lastEnergy: Line | null = null;
  let lastTime: Line | null = null;
  let consumedWh = 0;
  for (const period of session.periods) {
    const moment: Moment = {
      ...wallMoment(period.startMs),
      consumedWh,
      powerKw: period.powerKw,
      durationSeconds: (period.startMs - session.startMs) / 1000,
    };
    const priced: PricedPeriod = { lines, span, period, moment, endDay: rigaDayOfMs(Math.max(period.startMs, period.endMs - 1)) };
    lastEnergy = priceSessionEnergy(priced) ?? lastEnergy;
    lastTime = priceSessionTime(priced) ?? lastTime;
    consumedWh += period.energyWh;
  }
  priceFlat(lines, span, session);
  if (lastEnergy) addEnergySurplus(lastEnergy, dimensionSurplus(lines, lastEnergy, 1));
  if (lastTime) lastTime.amount += dimensionSurplus(lines, lastTime, 1000);
  return [...lines.values()].sort(compareLines).map(sessionCharge);
}

interface PricedPeriod {
  lines: Map<string, Line>;
  span: VersionSpan;
  period: SessionPeriod;
  moment: Moment;
  endDay: string;
}

/** Returns the line that priced the period's energy, if any. */
function priceSessionEnergy({ lines, span, period, moment, endDay }: PricedPeriod): Line | null {
  if (period.energyWh === 0) return null;
  const choice = chooseElement(span.elements, ['ENERGY'], moment);
  if (!choice) return null;
  const line = lineFor(lines, span, choice, moment.day);
  addEnergy(line, moment.day, period.energyWh, BigInt(period.energyWh) * BigInt(choice.component.micros));
  coverDay(line, endDay);
  return line;
}

/** Returns the line that priced the period's charging or parking time, if any. */
function priceSessionTime({ lines, span, period, moment, endDay }: PricedPeriod): Line | null {
  const ms = period.endMs - period.startMs;
  if (ms === 0) return null;
  const choice = chooseElement(span.elements, [period.charging ? 'TIME' : 'PARKING_TIME'], moment);
  if (!choice) return null;
  const line = lineFor(lines, span, choice, moment.day);
  line.amount += ms;
  coverDay(line, endDay);
  return line;
}

function priceFlat(lines: Map<string, Line>, span: VersionSpan, session: Parameters<typeof priceSession>[1]): void {
  const first = session.periods[0];
  const moment: Moment = { ...wallMoment(session.startMs), consumedWh: 0, powerKw: first.powerKw, durationSeconds: 0 };
  const choice = chooseElement(span.elements, ['FLAT'], moment);
  if (!choice) return;
  const line = lineFor(lines, span, choice, moment.day);
  line.amount = 1;
  const lastEnd = Math.max(...session.periods.map((p) => p.endMs));
  coverDay(line, rigaDayOfMs(Math.max(session.startMs, lastEnd - 1)));
}

/** How much the dimension's session total grows when rounded up to the last line's step (`unit`: 1 Wh, 1000 ms). */
function dimensionSurplus(lines: Map<string, Line>, last: Line, unit: number): number {
  let total = 0;
  for (const line of lines.values()) if (line.component.type === last.component.type) total += line.amount;
  return ceilToStep(total, last.component.stepSize * unit) - total;
}

function sessionCharge(line: Line): PricedCharge {
  const micros = BigInt(line.component.micros);
  switch (line.component.type) {
    case 'ENERGY':
      return energyCharge(line);
    case 'FLAT':
      return toCharge(line, { quantity: '1', unitCode: 'C62', unitMicros: micros, netNanoEuros: micros * 1000n });
    default:
      return timeCharge(line, micros);
  }
}

function timeCharge(line: Line, micros: bigint): PricedCharge {
  const ms = BigInt(line.amount);
  return toCharge(line, {
    quantity: formatScaled(roundHalfUpBig(ms, MS_PER_MILLIHOUR), 3),
    unitCode: 'HUR',
    unitMicros: micros,
    // truncated below 1 n€: the half-cent thresholds are whole n€, so the cents are those of the exact value
    netNanoEuros: (ms * micros) / MS_PER_MILLIHOUR,
  });
}

function checkSession(session: Parameters<typeof priceSession>[1]): void {
  if (!Number.isSafeInteger(session.startMs)) throw new RangeError('startMs: not a whole number of ms');
  let previousStart = session.startMs;
  session.periods.forEach((period, i) => {
    const path = `periods[${i}]`;
    if (!Number.isSafeInteger(period.startMs) || period.startMs < previousStart) {
      throw new RangeError(`${path}.startMs: must be a whole ms, not before the session's or the previous period's start`);
    }
    if (!Number.isSafeInteger(period.endMs) || period.endMs < period.startMs) {
      throw new RangeError(`${path}.endMs: not a whole ms at or after its start`);
    }
    if (!Number.isSafeInteger(period.energyWh) || period.energyWh < 0) {
      throw new RangeError(`${path}.energyWh: not a whole number of Wh ≥ 0`);
    }
    if (!Number.isFinite(period.powerKw) || period.powerKw < 0) throw new RangeError(`${path}.powerKw: not a power ≥ 0`);
    previousStart = period.startMs;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation of staff-entered elements

const COMPONENT_TYPES: readonly PriceComponentType[] = [
  'ENERGY',
  'TIME',
  'PARKING_TIME',
  'FLAT',
  'MONTHLY_FEE',
  'CAPACITY_FEE',
  'SPOT_ENERGY',
];
const DAYS_OF_WEEK: readonly DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const RESTRICTION_KEYS = [
  'startTime',
  'endTime',
  'startDate',
  'endDate',
  'minKwh',
  'maxKwh',
  'minPowerKw',
  'maxPowerKw',
  'minDurationSeconds',
  'maxDurationSeconds',
  'dayOfWeek',
  'register',
] as const;
/** restrictions a fee day cannot be checked against (priceFixedFees would never match them) */
const NOT_FOR_FEES = [
  'startTime',
  'endTime',
  'minKwh',
  'maxKwh',
  'minPowerKw',
  'maxPowerKw',
  'minDurationSeconds',
  'maxDurationSeconds',
  'register',
] as const;

/**
 * Checks a staff-entered elements array and returns a clean copy; throws invalidField naming the exact path
 * (`elements[1].priceComponents[0].price`). Unknown fields are refused (a misspelt restriction would silently
 * widen a price). Prices: decimal strings with ≤ 6 decimals, ≥ 0 except a SPOT_ENERGY margin (a discount below
 * spot); vatPercent 0–100 with ≤ 2 decimals; stepSize a whole number ≥ 1; times HH:MM (start ≠ end); days
 * YYYY-MM-DD; kWh and kW ≥ 0 with ≤ 3 decimals (whole Wh and W); durations whole seconds; each min below its max;
 * dayOfWeek a non-empty list without repeats; at least one element and one component per element, at most one
 * component per dimension (ENERGY and SPOT_ENERGY are one); fees only in elements restricted by dates and days.
 */
export function validateTariffElements(elements: unknown, field = 'elements'): TariffElement[] {
  if (!Array.isArray(elements) || elements.length === 0) throw invalidField(field, 'must be a non-empty list of tariff elements');
  return elements.map((element, i) => validateElement(element, `${field}[${i}]`));
}

function validateElement(value: unknown, path: string): TariffElement {
  const record = plainObject(value, path, ['label', 'priceComponents', 'restrictions']);
  const components = record.priceComponents;
  if (!Array.isArray(components) || components.length === 0) {
    throw invalidField(`${path}.priceComponents`, 'must list at least one price component');
  }
  const priceComponents = components.map((component, j) => validateComponent(component, `${path}.priceComponents[${j}]`));
  checkOnePerDimension(priceComponents, `${path}.priceComponents`);
  const element: TariffElement = { priceComponents };
  if (record.label !== undefined) element.label = validateLabel(record.label, `${path}.label`);
  if (record.restrictions !== undefined) {
    element.restrictions = validateRestrictions(record.restrictions, `${path}.restrictions`);
    checkFeesUnrestricted(element, `${path}.priceComponents`);
  }
  return element;
}

function validateComponent(value: unknown, path: string): PriceComponent {
  const record = plainObject(value, path, ['type', 'price', 'vatPercent', 'stepSize']);
  const type = record.type as PriceComponentType;
  if (!COMPONENT_TYPES.includes(type)) throw invalidField(`${path}.type`, `must be one of ${COMPONENT_TYPES.join(', ')}`);
  const price = decimalField(record.price, `${path}.price`, 6, type === 'SPOT_ENERGY' ? {} : { min: '0' });
  const vatPercent = decimalField(record.vatPercent, `${path}.vatPercent`, 2, { min: '0', max: '100' });
  const stepSize = record.stepSize;
  if (typeof stepSize !== 'number' || !Number.isSafeInteger(stepSize) || stepSize < 1) {
    throw invalidField(`${path}.stepSize`, 'must be a whole number ≥ 1 (1 = exact)');
  }
  return { type, price, vatPercent, stepSize };
}

function checkOnePerDimension(components: readonly PriceComponent[], path: string): void {
  const seen = new Set<string>();
  components.forEach((component, j) => {
    const dimension = ENERGY_TYPES.includes(component.type) ? 'energy' : component.type;
    if (seen.has(dimension)) throw invalidField(`${path}[${j}].type`, `a second ${dimension} component in one element`);
    seen.add(dimension);
  });
}

function checkFeesUnrestricted(element: TariffElement, path: string): void {
  const restricted = NOT_FOR_FEES.filter((key) => element.restrictions?.[key] !== undefined);
  if (restricted.length === 0) return;
  element.priceComponents.forEach((component, j) => {
    if (component.type === 'MONTHLY_FEE' || component.type === 'CAPACITY_FEE') {
      throw invalidField(`${path}[${j}].type`, `a fee is charged per day and cannot be restricted by ${restricted.join(', ')}`);
    }
  });
}

function validateLabel(value: unknown, path: string): LocalizedText {
  const record = plainObject(value, path, LANGUAGES);
  const label = {} as LocalizedText;
  for (const language of LANGUAGES) {
    const text = record[language];
    if (typeof text !== 'string' || text.trim() === '') throw invalidField(`${path}.${language}`, 'must be a non-empty text');
    label[language] = text;
  }
  return label;
}

function validateRestrictions(value: unknown, path: string): TariffRestrictions {
  const r = plainObject(value, path, RESTRICTION_KEYS);
  const out: TariffRestrictions = {};
  if (r.startTime !== undefined) out.startTime = clockField(r.startTime, `${path}.startTime`);
  if (r.endTime !== undefined) out.endTime = clockField(r.endTime, `${path}.endTime`);
  if (out.startTime !== undefined && out.startTime === out.endTime) {
    throw invalidField(`${path}.endTime`, 'must differ from startTime');
  }
  if (r.startDate !== undefined) out.startDate = dayField(r.startDate, `${path}.startDate`);
  if (r.endDate !== undefined) out.endDate = dayField(r.endDate, `${path}.endDate`);
  checkBelow(out.startDate, out.endDate, `${path}.endDate`, 'must be after startDate');
  for (const [min, max] of [['minKwh', 'maxKwh'], ['minPowerKw', 'maxPowerKw']] as const) {
    if (r[min] !== undefined) out[min] = decimalField(r[min], `${path}.${min}`, 3, { min: '0' });
    if (r[max] !== undefined) out[max] = decimalField(r[max], `${path}.${max}`, 3, { min: '0' });
    const [low, high] = [out[min], out[max]].map((text) => (text === undefined ? undefined : scaledDecimal(text, 3)!));
    checkBelow(low, high, `${path}.${max}`, `must be above ${min}`);
  }
  if (r.minDurationSeconds !== undefined) out.minDurationSeconds = secondsField(r.minDurationSeconds, `${path}.minDurationSeconds`);
  if (r.maxDurationSeconds !== undefined) out.maxDurationSeconds = secondsField(r.maxDurationSeconds, `${path}.maxDurationSeconds`);
  checkBelow(out.minDurationSeconds, out.maxDurationSeconds, `${path}.maxDurationSeconds`, 'must be above minDurationSeconds');
  if (r.dayOfWeek !== undefined) out.dayOfWeek = daysOfWeekField(r.dayOfWeek, `${path}.dayOfWeek`);
  if (r.register !== undefined) {
    if (typeof r.register !== 'string' || !/^[a-z0-9_]{1,20}$/.test(r.register)) {
      throw invalidField(`${path}.register`, 'must be a register name of 1–20 lower-case letters, digits or _');
    }
    out.register = r.register;
  }
  return out;
}

function plainObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidField(path, 'must be an object');
  const unknownKey = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknownKey !== undefined) throw invalidField(`${path}.${unknownKey}`, `is not a field here (known: ${allowed.join(', ')})`);
  return value as Record<string, unknown>;
}

function decimalField(value: unknown, path: string, decimals: number, range: { min?: string; max?: string }): string {
  const scaled = scaledDecimal(value, decimals);
  if (scaled === null || !isSafe(scaled)) {
    throw invalidField(path, `must be a decimal text with at most ${decimals} decimals`);
  }
  const [min, max] = [range.min, range.max].map((bound) => (bound === undefined ? undefined : scaledDecimal(bound, decimals)!));
  if (min !== undefined && scaled < min) throw invalidField(path, `must be at least ${range.min}`);
  if (max !== undefined && scaled > max) throw invalidField(path, `must be at most ${range.max}`);
  return value as string;
}

function clockField(value: unknown, path: string): string {
  if (typeof value !== 'string' || !CLOCK.test(value)) throw invalidField(path, "must be a time HH:MM, e.g. '07:00'");
  return value;
}

function dayField(value: unknown, path: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw invalidField(path, "must be a day YYYY-MM-DD, e.g. '2026-03-15'");
  return value;
}

function secondsField(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidField(path, 'must be a whole number of seconds ≥ 0');
  }
  return value;
}

function daysOfWeekField(value: unknown, path: string): DayOfWeek[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidField(path, 'must be a non-empty list of days');
  value.forEach((day, k) => {
    if (!DAYS_OF_WEEK.includes(day as DayOfWeek)) throw invalidField(`${path}[${k}]`, `must be one of ${DAYS_OF_WEEK.join(', ')}`);
    if (value.indexOf(day) !== k) throw invalidField(`${path}[${k}]`, 'is listed twice');
  });
  return [...value] as DayOfWeek[];
}

function checkBelow<T extends string | number | bigint>(low: T | undefined, high: T | undefined, path: string, reason: string) {
  if (low !== undefined && high !== undefined && !(low < high)) throw invalidField(path, reason);
}
