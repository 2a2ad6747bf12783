import type { MeterReading, SubmitReadingBody, SubmittedReading } from '@up/common/contracts/meter-readings';
import { addDays, isIsoDate, rigaDate } from '@up/common/riga-time';
import { DAY_MS, rigaDayOfMs } from '@up/common/riga-days';
import type { MeteringRules } from '@up/operators';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { AppError } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import type { SessionUser } from '../accounts/index.js';
import { assertOrderTypeOffered, assertSignable, insertSignedOrder } from '../orders/index.js';
import { findHeldObject, type HoldingWindow } from './object-access.js';
import type { MeterRow } from './metering.tables.js';

/**
 * Meter readings (GRD-2): per meter and register, the readings received from the operator and submitted by
 * the customer. Submitting one is an order (GRD-6) signed as ACC-18 says, stored with the reading itself.
 *
 * A reading belongs to the Riga day it was taken on (`read_on`). A customer sees, and may submit, readings of
 * the Riga days its holding of the object touches (GRD-1): for a holding [from, until) the days from the Riga
 * day of `from` through the Riga day of the last instant before `until`. Holdings change hands at Riga
 * midnight, so the previous occupant's last day is not the new one's first.
 *
 * Register values are stored in Wh (the register's kWh × 1000, as shown on the meter); energy used between
 * two readings is their difference × the meter's multiplier.
 */

/** A submitted reading is refused as implausible when it implies more than this much use a day … */
export const PLAUSIBILITY = {
  /** … times the customer's average daily use over its earlier readings of the last `historyDays` days … */
  historyFactor: 5,
  /** … plus this many Wh a day (so a low past use does not refuse an ordinary day) */
  historyAllowanceWh: 10_000,
  historyDays: 365,
  /** the line voltage of the physical maximum: capacity (A) × phases × 230 V × 24 h */
  volts: 230,
} as const;

/** The Riga days a holding window touches: [first, last], last null while the customer still holds it. */
function windowDays(window: HoldingWindow): { first: string; last: string | null } {
  return {
    first: rigaDayOfMs(window.from.getTime()),
    last: window.until === null ? null : rigaDayOfMs(window.until.getTime() - 1),
  };
}

function dayInside(ranges: readonly { first: string; last: string | null }[], day: string): boolean {
  return ranges.some((range) => day >= range.first && (range.last === null || day <= range.last));
}

/** '12345.6' kWh → 12345600 Wh, exactly (the contract allows at most 3 decimals). */
export function kwhToWh(kwh: string): number {
  const [whole, fraction = ''] = kwh.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** 12345600 Wh → '12345.6' kWh: up to 3 decimals, no trailing zeros. */
export function whToKwh(wh: number): string {
  const whole = Math.floor(wh / 1000);
  const fraction = String(wh % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const kwhPerDay = (wh: number) => Math.round(wh / 100) / 10;

/**
 * GRD-2: whether customers may submit a reading today (a Riga date): from `firstDay` of a month through
 * `lastDay` of the next when firstDay > lastDay (25 → 3: the 25th to the 3rd), else `firstDay` to `lastDay`
 * of one month; null = on any day.
 */
export function insideReadingWindow(window: MeteringRules['readingWindow'], today: string): boolean {
  if (!window) return true;
  const day = Number(today.slice(8, 10));
  return window.firstDay <= window.lastDay
    ? day >= window.firstDay && day <= window.lastDay
    : day >= window.firstDay || day <= window.lastDay;
}

/** The next Riga date the reading window is open on (for the refusal's details). */
function nextWindowOpening(window: NonNullable<MeteringRules['readingWindow']>, today: string): string | null {
  for (let day = addDays(today, 1), i = 0; i < 62; day = addDays(day, 1), i++) {
    if (insideReadingWindow(window, day)) return day;
  }
  return null;
}

/** A validation refusal naming the field and the reason, with what the client needs to show it. */
function refused(code: string, status: number, field: string, reason: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, status, `${field}: ${reason}`, { field, reason, ...extra });
}

/**
 * GRD-2, GRD-1: the readings of the object's meters (from the operator, and those the customer submitted)
 * of the days the customer held it, newest first. 404 for an object that was never the customer's.
 */
export async function listReadings(deps: Deps, customerId: string, objectId: string): Promise<MeterReading[]> {
  const held = await findHeldObject(deps.db, customerId, objectId);
  const ranges = held.windows.map(windowDays);
  const rows = await deps.db
    .selectFrom('meter_readings as r')
    .innerJoin('meters as m', 'm.id', 'r.meter_id')
    .select(['r.id', 'r.meter_id', 'm.number', 'r.register', 'r.read_on', 'r.reading_wh', 'r.source', 'r.order_id', 'r.created_at'])
    .where('m.object_id', '=', objectId)
    // a customer's reading is shown to the customer who submitted it, never to another one
    .where((eb) => eb.or([eb('r.source', '=', 'operator'), eb('r.customer_id', '=', customerId)]))
    .where((eb) => eb.or(ranges.map((range) => eb.and([
      eb('r.read_on', '>=', range.first),
      ...(range.last === null ? [] : [eb('r.read_on', '<=', range.last)]),
    ]))))
    .orderBy('r.read_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(2000)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    meterId: row.meter_id,
    meterNumber: row.number,
    register: row.register,
    readOn: row.read_on,
    readingKwh: whToKwh(Number(row.reading_wh)),
    source: row.source,
    orderId: row.order_id,
    createdAt: row.created_at.toISOString(),
  }));
}

interface KnownReading {
  read_on: string;
  reading_wh: number;
  source: 'operator' | 'customer';
  customer_id: string | null;
}

/**
 * GRD-2, GRD-6, ACC-18: the customer submits a meter reading. It is an order of type 'meter_reading' (stored
 * with the other orders, signed by the user, with the same step-up rule), a reading row (source customer)
 * and the audit events 'order.signed' and 'metering.reading_submitted', all in one transaction. Refused with
 * a 4xx naming the field and the reason, changing nothing, when:
 *  - the profile does not take meter_reading orders (400 ORDER_TYPE_OFF), or today (Riga) is outside the
 *    operator's reading window (400 READING_OUTSIDE_WINDOW, with the window and when it opens next);
 *  - meterId is not a meter of the object (400 METER_NOT_ON_OBJECT), register not one of its registers
 *    (400 REGISTER_UNKNOWN), readOn not a real date, in the future (400 READ_ON_IN_FUTURE), outside the
 *    customer's time with the object (400 READ_ON_OUTSIDE_HOLDING) or outside the meter's installed–removed
 *    days (400 METER_NOT_INSTALLED);
 *  - the customer already submitted a reading of that meter and register for that day (409 READING_EXISTS,
 *    guarded by the table's unique key as well);
 *  - it is below the last reading of the same meter and register (any source) on or before readOn
 *    (400 READING_BELOW_LAST, with that reading), or above a later one (400 READING_ABOVE_NEXT). A replaced
 *    meter has its own history: only readings of this meter count;
 *  - it is implausible (400 READING_IMPLAUSIBLE): the average daily use it implies since the previous reading
 *    (difference × multiplier ÷ days, at least one day) exceeds
 *      (a) the connection's physical maximum, capacity_amperes × phases × 230 V × 24 h, when the object has
 *          capacity data, or
 *      (b) 5 × the customer's average daily use over its earlier readings of the last 365 days + 10 kWh/day,
 *          when at least two earlier readings on different days exist that the customer may see (GRD-1: a
 *          previous occupant's use is not the customer's).
 * Readings the customer may not see (before its time, or another customer's) are compared against (a meter
 * counts on) but their values and dates are never put in an answer.
 */
export async function submitReading(
  deps: Deps,
  session: SessionUser,
  customerId: string,
  objectId: string,
  input: SubmitReadingBody,
  actor: Actor,
): Promise<SubmittedReading> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  assertOrderTypeOffered(deps, 'meter_reading');
  const held = await findHeldObject(deps.db, customerId, objectId);
  const readingWindow = deps.operator.metering.readingWindow;
  if (readingWindow && !insideReadingWindow(readingWindow, today)) {
    throw new AppError('READING_OUTSIDE_WINDOW', 400,
      `Readings are taken from day ${readingWindow.firstDay} through day ${readingWindow.lastDay} of the month`,
      { firstDay: readingWindow.firstDay, lastDay: readingWindow.lastDay, today, opensOn: nextWindowOpening(readingWindow, today) });
  }

  const meter = await deps.db.selectFrom('meters').selectAll().where('id', '=', input.meterId).where('object_id', '=', objectId).executeTakeFirst();
  if (!meter) throw refused('METER_NOT_ON_OBJECT', 400, 'meterId', 'no such meter on this object');
  if (!meter.registers.includes(input.register)) {
    throw refused('REGISTER_UNKNOWN', 400, 'register', `the meter has the registers ${meter.registers.join(', ')}`, { registers: meter.registers });
  }
  const readOn = input.readOn;
  if (!isIsoDate(readOn)) throw refused('INVALID_FIELD', 400, 'readOn', 'not a calendar date');
  if (readOn > today) throw refused('READ_ON_IN_FUTURE', 400, 'readOn', `may not be after today (${today})`, { today });
  const ranges = held.windows.map(windowDays);
  if (!dayInside(ranges, readOn)) {
    throw refused('READ_ON_OUTSIDE_HOLDING', 400, 'readOn', 'the object was not yours on that day', { holdings: ranges });
  }
  if (readOn < meter.installed_on || (meter.removed_on !== null && readOn > meter.removed_on)) {
    throw refused('METER_NOT_INSTALLED', 400, 'readOn', `the meter was installed on ${meter.installed_on}${meter.removed_on ? ` and removed on ${meter.removed_on}` : ''}`,
      { installedOn: meter.installed_on, removedOn: meter.removed_on });
  }
  const readingWh = kwhToWh(input.readingKwh);
  const object = await deps.db.selectFrom('metering_objects').select(['capacity_amperes', 'phases']).where('id', '=', objectId).executeTakeFirstOrThrow();

  const readingId = newId();
  const orderId = newId();
  await deps.db.transaction().execute(async (trx) => {
    // One submission of a meter at a time: the checks below see every reading committed before this one.
    await trx.selectFrom('meters').select('id').where('id', '=', meter.id).forUpdate().executeTakeFirstOrThrow();
    const own = await trx.selectFrom('meter_readings').select('id')
      .where('meter_id', '=', meter.id).where('register', '=', input.register).where('read_on', '=', readOn).where('source', '=', 'customer')
      .executeTakeFirst();
    if (own) throw readingExists(readOn);
    await checkAgainstHistory(trx, meter, input.register, readOn, readingWh, { customerId, ranges }, object);
    assertSignable(deps, session, 'meter_reading', now);

    const inserted = await trx.insertInto('meter_readings').values({
      id: readingId,
      meter_id: meter.id,
      register: input.register,
      read_on: readOn,
      reading_wh: readingWh,
      source: 'customer',
      customer_id: customerId,
      order_id: orderId,
      created_at: now,
    }).onConflict((oc) => oc.columns(['meter_id', 'register', 'read_on', 'source']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) throw readingExists(readOn);
    const payload = { objectId, meterId: meter.id, meterNumber: meter.number, register: input.register, readOn, readingKwh: whToKwh(readingWh) };
    await insertSignedOrder(trx, { id: orderId, customerId, type: 'meter_reading', payload, session, actor }, now);
    // ACC-17: the business event, not the meter value (that is in the reading and the order)
    await recordAudit(trx, actor, {
      customerId, action: 'metering.reading_submitted', objectType: 'meter_reading', objectId: readingId,
      details: { orderId, objectId, meterNumber: meter.number, register: input.register, readOn },
    }, now);
  });
  return { readingId, orderId, status: 'submitted' };
}

function readingExists(readOn: string): AppError {
  return refused('READING_EXISTS', 409, 'readOn', `a reading of this meter and register for ${readOn} was already submitted`);
}

/** GRD-2: not below the last reading, not above a later one, plausible against the connection and past use. */
async function checkAgainstHistory(
  trx: Db,
  meter: MeterRow,
  register: string,
  readOn: string,
  readingWh: number,
  customer: { customerId: string; ranges: readonly { first: string; last: string | null }[] },
  object: { capacity_amperes: number | null; phases: number | null },
): Promise<void> {
  const readings = trx.selectFrom('meter_readings').select(['read_on', 'reading_wh', 'source', 'customer_id'])
    .where('meter_id', '=', meter.id).where('register', '=', register);
  const previous = await readings.where('read_on', '<=', readOn)
    .orderBy('read_on', 'desc').orderBy('reading_wh', 'desc').limit(1).executeTakeFirst() as KnownReading | undefined;
  // what listReadings would show this customer: of its days, from the operator or from itself
  const visible = (reading: KnownReading) => dayInside(customer.ranges, reading.read_on)
    && (reading.source === 'operator' || reading.customer_id === customer.customerId);
  if (previous && readingWh < Number(previous.reading_wh)) {
    throw refused('READING_BELOW_LAST', 400, 'readingKwh', 'below the last reading of this meter and register',
      visible(previous)
        ? { lastReadOn: previous.read_on, lastReadingKwh: whToKwh(Number(previous.reading_wh)) }
        // GRD-1: a reading from before the customer's time is not shown
        : { lastReadOn: null, lastReadingKwh: null });
  }
  const next = await readings.where('read_on', '>', readOn)
    .orderBy('reading_wh', 'asc').limit(1).executeTakeFirst() as KnownReading | undefined;
  if (next && readingWh > Number(next.reading_wh)) {
    throw refused('READING_ABOVE_NEXT', 400, 'readingKwh', 'above a later reading of this meter and register',
      visible(next) ? { nextReadOn: next.read_on, nextReadingKwh: whToKwh(Number(next.reading_wh)) } : { nextReadOn: null, nextReadingKwh: null });
  }
  if (!previous) return; // a meter's first reading: nothing to compare with

  const impliedWhPerDay = ((readingWh - Number(previous.reading_wh)) * meter.multiplier) / Math.max(1, daysBetween(previous.read_on, readOn));
  const implausible = (rule: 'capacity' | 'history', maxWhPerDay: number) => refused('READING_IMPLAUSIBLE', 400, 'readingKwh',
    rule === 'capacity'
      ? 'implies more use a day than the connection can carry'
      : 'implies far more use a day than before (more than 5 × your average of the last year + 10 kWh)',
    { rule, maxKwhPerDay: kwhPerDay(maxWhPerDay), impliedKwhPerDay: visible(previous) ? kwhPerDay(impliedWhPerDay) : null });

  if (object.capacity_amperes !== null && object.phases !== null) {
    const maxWhPerDay = object.capacity_amperes * object.phases * PLAUSIBILITY.volts * 24;
    if (impliedWhPerDay > maxWhPerDay) throw implausible('capacity', maxWhPerDay);
  }
  const history = (await readings.where('read_on', '<=', readOn).where('read_on', '>=', addDays(readOn, -PLAUSIBILITY.historyDays))
    .orderBy('read_on').execute() as KnownReading[]).filter(visible);
  if (history.length >= 2) {
    const first = history[0];
    const last = history[history.length - 1];
    const days = daysBetween(first.read_on, last.read_on);
    if (days > 0) {
      const averageWhPerDay = (Math.max(0, Number(last.reading_wh) - Number(first.reading_wh)) * meter.multiplier) / days;
      const maxWhPerDay = PLAUSIBILITY.historyFactor * averageWhPerDay + PLAUSIBILITY.historyAllowanceWh;
      if (impliedWhPerDay > maxWhPerDay) throw implausible('history', maxWhPerDay);
    }
  }
}
