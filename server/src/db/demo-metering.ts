import { withEicCheckCharacter } from '@up/common/eic';
import { addDays, rigaDate, rigaOffsetMinutes } from '@up/common/riga-time';
import { intervalsInRigaDay, rigaDayStartMs, rigaDaysBetween } from '@up/common/riga-days';
import type { Db } from '../infra/db.js';
import { newId } from '../infra/ids.js';

/**
 * The demo's objects (GRD-1) and a lived-in year of metering (GRD-2 … GRD-4): Jānis' household has a flat in
 * Rīga whose meter was replaced in March, and a house in Mārupe with a 9.9 kW solar plant on net billing;
 * both have a year of 15-minute data ending yesterday with a few gaps and corrections, the LV spot prices of the
 * same year (negative on some sunny middays) and monthly operator readings. The numbers come from a seeded
 * generator: the same every time, shaped like a household's day and a Latvian year.
 */

export const DEMO_OBJECTS = {
  flat: { eic: withEicCheckCharacter('38ZEELV00100001'), address: 'Brīvības iela 1-1, Rīga, LV-1010' },
  house: { eic: withEicCheckCharacter('38ZEELV00100002'), address: 'Priežu iela 7, Mārupe, Mārupes nov., LV-2167' },
  office: { eic: withEicCheckCharacter('38ZEELV00300003'), address: 'Rūpniecības iela 3, Rīga, LV-1045' },
};

/** The day the flat's old meter was taken off and the new one put on. */
export const DEMO_METER_REPLACED_ON = '2026-03-15';

interface DemoIds { objects: Record<keyof typeof DEMO_OBJECTS, string>; meters: { flatOld: string; flatNew: string; house: string; office: string } }

/** Objects, holdings, meters, the generator and a radio permit: small, seeded with the rest of the demo. */
export async function seedDemoObjects(db: Db, customerIds: Record<string, string>, now: Date): Promise<DemoIds> {
  const ids: DemoIds = {
    objects: { flat: newId(), house: newId(), office: newId() },
    meters: { flatOld: newId(), flatNew: newId(), house: newId(), office: newId() },
  };
  const object = (id: string, eic: string, address: string, amperes: number, phases: 1 | 3) =>
    db.insertInto('metering_objects').values({
      id, kind: 'connection_point', eic, address, capacity_amperes: amperes, phases, voltage_volts: phases === 3 ? 400 : 230,
      status: 'active', created_at: now, updated_at: now,
    }).execute();
  await object(ids.objects.flat, DEMO_OBJECTS.flat.eic, DEMO_OBJECTS.flat.address, 25, 1);
  await object(ids.objects.house, DEMO_OBJECTS.house.eic, DEMO_OBJECTS.house.address, 32, 3);
  await object(ids.objects.office, DEMO_OBJECTS.office.eic, DEMO_OBJECTS.office.address, 100, 3);
  const holding = (objectId: string, customerNumber: string, from: string, until: string | null) =>
    db.insertInto('object_holdings').values({
      id: newId(), object_id: objectId, customer_id: customerIds[customerNumber],
      held_from: new Date(rigaDayStartMs(from)), held_until: until ? new Date(rigaDayStartMs(until)) : null,
    }).execute();
  // The flat was Ojārs' until Jānis moved in: Jānis never sees Ojārs' consumption (GRD-1).
  await holding(ids.objects.flat, 'C-100005', '2012-01-01', '2021-03-01');
  await holding(ids.objects.flat, 'C-100001', '2021-03-01', null);
  await holding(ids.objects.house, 'C-100001', '2015-06-01', null);
  await holding(ids.objects.office, 'C-100003', '2010-01-01', null);
  const meter = (id: string, objectId: string, number: string, registers: string[], installed: string, removed: string | null) =>
    db.insertInto('meters').values({
      id, object_id: objectId, number, type: 'electronic', smart: true, registers, multiplier: 1, installed_on: installed, removed_on: removed,
    }).execute();
  await meter(ids.meters.flatOld, ids.objects.flat, 'LV10042871', ['total'], '2015-06-01', DEMO_METER_REPLACED_ON);
  await meter(ids.meters.flatNew, ids.objects.flat, 'LV26031544', ['total'], DEMO_METER_REPLACED_ON, null);
  await meter(ids.meters.house, ids.objects.house, 'LV24052093', ['day', 'night'], '2024-05-20', null);
  await meter(ids.meters.office, ids.objects.office, 'LV19110467', ['total'], '2019-11-04', null);
  await db.insertInto('micro_generators').values({
    id: newId(), object_id: ids.objects.house, power_kw: '9.90', scheme: 'net_billing', since: '2024-06-01', until: null,
  }).execute();
  // Līga's object is a radio permit (the e-sakari profile's kind of object).
  const permitObject = newId();
  await db.insertInto('metering_objects').values({
    id: permitObject, kind: 'radio_permit', eic: null, address: 'Skolas iela 4, Jelgava, LV-3001', capacity_amperes: null, phases: null,
    voltage_volts: null, status: 'active', created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('radio_permits').values({
    object_id: permitObject, permit_number: 'AT-2023-04417', service: 'Land mobile (PMR)', frequencies: '446.00625–446.19375 MHz',
    power_watts: '0.500', antenna: 'Omnidirectional, 2 dBi, 12 m above ground', location: '56.6511 N, 23.7128 E', valid_from: '2023-09-01', valid_to: '2028-08-31',
  }).execute();
  await holding(permitObject, 'C-100004', '2023-09-01', null);
  return ids;
}

/** A seeded pseudo-random generator (mulberry32): the demo is the same on every machine. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The Riga wall-clock hour as a fraction (0 … 24) of an instant: on the clock-change days too. */
function rigaHour(utcMs: number): number {
  return (((utcMs + rigaOffsetMinutes(utcMs) * 60_000) % 86_400_000) + 86_400_000) % 86_400_000 / 3_600_000;
}

function seasonOf(day: string): number {
  const dayOfYear = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  // 1 at midsummer (day 172), -1 at midwinter
  return Math.cos(((dayOfYear - 172) / 365) * 2 * Math.PI);
}

interface DayArrays { importWh: (number | null)[]; exportWh: (number | null)[]; quality: string }

function householdDay(day: string, random: () => number, baseWatts: number, winterExtraWatts: number): number[] {
  const count = intervalsInRigaDay(day, 15);
  const dayStart = rigaDayStartMs(day);
  const season = seasonOf(day);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const localHour = rigaHour(dayStart + i * 900_000);
    const morning = localHour >= 6.5 && localHour < 9 ? 550 : 0;
    const evening = localHour >= 17.5 && localHour < 22.5 ? 850 : 0;
    const night = localHour < 6 ? -40 : 0;
    const winter = ((1 - season) / 2) * winterExtraWatts * (localHour >= 16 || localHour < 8 ? 1 : 0.5);
    const watts = (baseWatts + morning + evening + night + winter) * (0.75 + random() * 0.5);
    values.push(Math.round(watts / 4));
  }
  return values;
}

function solarDay(day: string, random: () => number, peakKw: number): number[] {
  const count = intervalsInRigaDay(day, 15);
  const dayStart = rigaDayStartMs(day);
  const season = seasonOf(day);
  // Rīga: about 17.5 hours of daylight at midsummer, 6.5 at midwinter, solar noon near 13:30 summer time
  const daylight = 12 + 5.5 * season;
  const noon = 13.25;
  const clouds = 0.25 + random() * 0.75;
  const strength = peakKw * 1000 * (0.55 + 0.45 * season) * clouds;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = rigaHour(dayStart + i * 900_000 + 450_000);
    const x = (hour - noon) / (daylight / 2);
    const watts = Math.abs(x) < 1 ? strength * Math.cos((x * Math.PI) / 2) ** 2 : 0;
    values.push(Math.round((watts * (0.9 + random() * 0.1)) / 4));
  }
  return values;
}

/** The LV day-ahead price of each quarter-hour in micro-euros per kWh: peaks morning and evening, a solar dip, some negatives. */
function spotDay(day: string, random: () => number): number[] {
  const count = intervalsInRigaDay(day, 15);
  const dayStart = rigaDayStartMs(day);
  const season = seasonOf(day);
  const weekend = [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
  const level = 70 + 45 * (1 - season) / 2 + (random() - 0.5) * 40;
  const sunny = random();
  const prices: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = rigaHour(dayStart + i * 900_000);
    const peak = (hour >= 7 && hour < 10 ? 35 : 0) + (hour >= 17 && hour < 21 ? 55 : 0);
    const solarDip = season > 0.3 && hour >= 11 && hour < 16 ? (weekend && sunny > 0.6 ? level + 12 : 40 * season) : 0;
    const eurPerMwh = level + peak - solarDip - (hour < 5 ? 25 : 0) + (random() - 0.5) * 14;
    prices.push(Math.round(eurPerMwh * 100) * 10); // €/MWh to 2 decimals, in micro-euros per kWh
  }
  return prices;
}

/**
 * A year of 15-minute data ending yesterday (Riga) for Jānis' objects and the office, the spot prices of the
 * same days, a few gaps and corrections, and monthly operator readings. Run once after seedDemoObjects.
 */
export async function seedDemoConsumption(db: Db, now: Date): Promise<void> {
  const meters = await db.selectFrom('meters').innerJoin('metering_objects', 'metering_objects.id', 'meters.object_id')
    .select(['meters.id', 'meters.number', 'meters.installed_on', 'meters.removed_on', 'metering_objects.eic'])
    .where('metering_objects.eic', 'in', [DEMO_OBJECTS.flat.eic, DEMO_OBJECTS.house.eic, DEMO_OBJECTS.office.eic])
    .execute();
  if (meters.length === 0) return;
  const today = rigaDate(now);
  const days = rigaDaysBetween(addDays(today, -365), today);
  const importId = newId();
  await db.insertInto('metering_imports').values({
    id: importId, kind: 'intervals', format: 'demo', source: 'demo', started_by: null, started_at: now, finished_at: now, counts: JSON.stringify({ days: days.length }),
  }).execute();
  const random = randomFrom(20261201);
  const prices = days.map((day) => ({ zone: 'LV', day, interval_minutes: 15 as const, price_ueur_per_kwh: spotDay(day, random), import_id: importId, updated_at: now }));
  for (let i = 0; i < prices.length; i += 100) await db.insertInto('spot_prices').values(prices.slice(i, i + 100)).execute();

  const gapDay = addDays(today, -290);
  const lostDay = addDays(today, -150);
  const estimatedDay = addDays(today, -200);
  const correctedDay = addDays(today, -78);
  const rows: { meter_id: string; day: string; interval_minutes: 15; import_wh: (number | null)[]; export_wh: (number | null)[]; quality: string; import_id: string; updated_at: Date }[] = [];
  const revisions: typeof rows = [];
  const readings: { meterId: string; day: string; wh: number }[] = [];
  for (const meter of meters) {
    let cumulativeWh = meter.number === 'LV10042871' ? 38_412_000 : meter.number === 'LV26031544' ? 0 : meter.number === 'LV24052093' ? 9_870_000 : 214_550_000;
    for (const day of days) {
      if (day < meter.installed_on || (meter.removed_on && day >= meter.removed_on)) continue;
      if (day.endsWith('-01') || day === meter.installed_on) readings.push({ meterId: meter.id, day, wh: Math.floor(cumulativeWh / 1000) * 1000 });
      const arrays = demoDayOf(meter.eic!, day, random);
      if (meter.eic === DEMO_OBJECTS.flat.eic && day === gapDay) markMissing(arrays, 40, 64); // a communication gap, 10:00–16:00
      if (meter.eic === DEMO_OBJECTS.house.eic && day === lostDay) markMissing(arrays, 0, arrays.quality.length);
      if (meter.eic === DEMO_OBJECTS.flat.eic && day === estimatedDay) arrays.quality = 'e'.repeat(arrays.quality.length);
      if (meter.eic === DEMO_OBJECTS.house.eic && day === correctedDay) {
        // first delivered as estimated, later corrected by the metering system: the earlier values stay as a revision
        revisions.push({ meter_id: meter.id, day, interval_minutes: 15, import_wh: arrays.importWh.map((v) => (v === null ? null : Math.round(v * 0.8))), export_wh: arrays.exportWh, quality: 'e'.repeat(arrays.quality.length), import_id: importId, updated_at: now });
        arrays.quality = 'c'.repeat(arrays.quality.length);
      }
      for (const value of arrays.importWh) cumulativeWh += value ?? 0;
      rows.push({ meter_id: meter.id, day, interval_minutes: 15, import_wh: arrays.importWh, export_wh: arrays.exportWh, quality: arrays.quality, import_id: importId, updated_at: now });
    }
    if (meter.removed_on) readings.push({ meterId: meter.id, day: meter.removed_on, wh: Math.floor(cumulativeWh / 1000) * 1000 });
  }
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('interval_days').values(rows.slice(i, i + 100)).execute();
  for (const revision of revisions) {
    await db.insertInto('interval_revisions').values({
      meter_id: revision.meter_id, day: revision.day, replaced_at: now, replaced_by_import: importId, import_id: importId,
      interval_minutes: 15, import_wh: revision.import_wh, export_wh: revision.export_wh, quality: revision.quality,
    }).execute();
  }
  const readingRows = readings.map((reading) => ({
    id: newId(), meter_id: reading.meterId, register: 'total', read_on: reading.day, reading_wh: reading.wh, source: 'operator' as const,
    customer_id: null, order_id: null, created_at: now,
  }));
  // the house meter has day and night registers: the demo splits its readings 70/30
  const houseMeter = meters.find((m) => m.number === 'LV24052093')?.id;
  const nightRows = readingRows.filter((row) => row.meter_id === houseMeter)
    .map((row) => ({ ...row, id: newId(), register: 'night', reading_wh: Math.floor((row.reading_wh * 0.3) / 1000) * 1000 }));
  for (const row of readingRows) {
    if (row.meter_id !== houseMeter) continue;
    row.register = 'day';
    row.reading_wh = Math.floor((row.reading_wh * 0.7) / 1000) * 1000;
  }
  readingRows.push(...nightRows);
  for (let i = 0; i < readingRows.length; i += 200) await db.insertInto('meter_readings').values(readingRows.slice(i, i + 200)).execute();
}

function demoDayOf(eic: string, day: string, random: () => number): DayArrays {
  if (eic === DEMO_OBJECTS.house.eic) {
    const use = householdDay(day, random, 260, 1600);
    const sun = solarDay(day, random, 9.9);
    return {
      importWh: use.map((wh, i) => Math.max(0, wh - sun[i])),
      exportWh: use.map((wh, i) => Math.max(0, sun[i] - wh)),
      quality: 'm'.repeat(use.length),
    };
  }
  const use = eic === DEMO_OBJECTS.office.eic ? householdDay(day, random, 2400, 3000) : householdDay(day, random, 130, 250);
  return { importWh: use, exportWh: use.map(() => 0), quality: 'm'.repeat(use.length) };
}

function markMissing(arrays: DayArrays, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    arrays.importWh[i] = null;
    arrays.exportWh[i] = null;
  }
  arrays.quality = arrays.quality.slice(0, from) + 'x'.repeat(to - from) + arrays.quality.slice(to);
}
