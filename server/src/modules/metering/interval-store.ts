import { sql } from 'kysely';
import { addDays } from '@up/common/riga-time';
import { rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import { eicProblem } from '@up/common/eic';
import { MAX_LISTED_REJECTIONS, type ImportRejection } from '@up/common/contracts/metering-imports';
import type { Db } from '../../infra/db.js';

/**
 * Where imported interval values go (GRD-3): grouped into one buffer per meter and Riga day, and written in
 * batches of meter-days, set-based: one SELECT of the stored days of the batch, the merge and the comparison
 * in memory, one INSERT … SELECT of the earlier arrays into interval_revisions and one INSERT … SELECT FROM
 * unnest(…) ON CONFLICT DO UPDATE of the days that changed, the arrays passed as array literals built byte by
 * byte (one string per parameter), with the day's hour aggregates (DayHours below) beside its arrays. A day
 * nothing changed in is not written at all, so importing the same file again writes nothing. One batch is
 * compared and written while the parser fills the next (the database and the parser work at the same time; the
 * next batch's SELECT waits for the last one's writes).
 *
 * Merge rule: a position (interval) the file does not carry keeps what is stored; a row without any value
 * changes nothing (a value is never withdrawn by an import: send it with status U instead); a row with a value
 * replaces the stored import or export value it carries (the other stays) and the interval's quality.
 */

/** "No value" in the Int32Array buffers (a NULL element in SQL). */
export const NONE = -2147483648;
/** The quality letters of interval_days.quality, as character codes. */
export const QUALITY = { measured: 109, estimated: 101, corrected: 99, missing: 120, unusable: 117 } as const;

const MAX_POSITIONS = 100;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** meter-days a batch writes */
export const BATCH_DAYS = 2000;
/** days per meter in a buffer key: meter index × DAY_SLOTS + days since 1970 */
const DAY_SLOTS = 131_072;
const MAX_ECHO = 40;
/** bytes per meter-day in the record of repeats: 100 positions in 13 bytes, and one flag */
const SEEN_BYTES = 14;

/** A value from the file, quoted and shortened for an answer. */
export function echo(text: string): string {
  return JSON.stringify(text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text);
}

/**
 * A copy of a string cut from a file chunk: V8 keeps a longer slice as a view of the whole chunk (a megabyte),
 * so a map key made of one would hold that chunk in memory for the whole import.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (` ${text}`).slice(1);
}

/** A text[] literal for a query parameter: one parameter however many elements (no bind-parameter limit). */
export function textArray(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    out += /["\\]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
  }
  return `${out}}`;
}

/** An integer[] literal of the first n values, NULL for NONE. */
export function integerArray(values: Int32Array, n: number): string {
  let out = '{';
  for (let p = 0; p < n; p++) {
    const value = values[p];
    if (p > 0) out += ',';
    out += value === NONE ? 'NULL' : value;
  }
  return `${out}}`;
}

/** Parses PostgreSQL's text form of an integer[] ('{1,NULL,-3}') into out; returns how many elements it had. */
export function parseIntegerArray(text: string, out: Int32Array): number {
  let n = 0;
  let at = 1;
  const end = text.length - 1;
  while (at < end && n < out.length) {
    let c = text.charCodeAt(at);
    if (c === 78) { // NULL
      out[n++] = NONE;
      at += 4;
    } else {
      let negative = false;
      if (c === 45) { negative = true; c = text.charCodeAt(++at); }
      let value = 0;
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        c = text.charCodeAt(++at);
      }
      out[n++] = negative ? -value : value;
    }
    at++; // the comma
  }
  for (let p = n; p < out.length; p++) out[p] = NONE;
  return n;
}

/**
 * A meter-day's hour aggregates, stored beside its intervals (interval_days.hour_import_wh, hour_export_wh,
 * hour_quality, hour_missing, estimated_intervals; migration 2026_12_07_1300_interval_hours), so that hours, days
 * and months are read from 24 sums a day instead of 96 quarter-hours. The import computes them here, in the
 * statement that writes the intervals; the migration's interval_day_hours() computes the same in SQL for any
 * other writer. Per Riga hour of the day:
 *  - the sums of the import and export values of the intervals that have one (quality not x or u; a missing
 *    element of such an interval counts 0), NaN (NULL) when none has;
 *  - the letter the consumption answer gives the hour: the worst of m < c < e when none is missing, p when some
 *    are missing or unusable, x when all are missing, u when none has a value and one is unusable;
 *  - how many of its intervals are missing or unusable.
 */
export class DayHours {
  hours = 0;
  readonly importWh = new Float64Array(25);
  readonly exportWh = new Float64Array(25);
  /** the hour's letter as a character code */
  readonly quality = new Uint8Array(25);
  readonly missing = new Uint8Array(25);
  /** the day's estimated intervals */
  estimated = 0;
}

const PARTLY_MISSING = 112; // p

/** The hour aggregates of a day's first `n` intervals of `minutes` (values NONE where absent, letters as codes). */
export function computeDayHours(minutes: number, imp: Int32Array, exp: Int32Array, quality: Uint8Array, n: number, out: DayHours): DayHours {
  const perHour = 60 / minutes;
  out.hours = Math.ceil(n / perHour);
  out.estimated = 0;
  for (let hour = 0; hour < out.hours; hour++) {
    let importWh = 0;
    let exportWh = 0;
    let values = 0;
    let missing = 0;
    let unusable = false;
    let worst: number = QUALITY.measured;
    const end = Math.min(n, (hour + 1) * perHour);
    for (let p = hour * perHour; p < end; p++) {
      const letter = quality[p];
      if (letter === QUALITY.missing || letter === QUALITY.unusable) {
        missing++;
        if (letter === QUALITY.unusable) unusable = true;
        continue;
      }
      values++;
      if (imp[p] !== NONE) importWh += imp[p];
      if (exp[p] !== NONE) exportWh += exp[p];
      if (letter === QUALITY.estimated) {
        out.estimated++;
        worst = QUALITY.estimated;
      } else if (letter === QUALITY.corrected && worst !== QUALITY.estimated) {
        worst = QUALITY.corrected;
      }
    }
    out.importWh[hour] = values > 0 ? importWh : NaN;
    out.exportWh[hour] = values > 0 ? exportWh : NaN;
    out.quality[hour] = values === 0 ? (unusable ? QUALITY.unusable : QUALITY.missing) : missing > 0 ? PARTLY_MISSING : worst;
    out.missing[hour] = missing;
  }
  return out;
}

/** A Riga calendar day as UTC instants; number = days since 1970-01-01 of the date. */
export interface RigaDay { day: string; number: number; startMs: number; endMs: number }

/** The Riga day of an instant, cached by UTC hour (Riga's offsets are whole hours, so an hour lies in one day). */
export class RigaDayCache {
  #last: RigaDay | null = null;
  readonly #byHour = new Map<number, RigaDay>();
  readonly #byDay = new Map<string, RigaDay>();

  of(ms: number): RigaDay {
    const last = this.#last;
    if (last !== null && ms >= last.startMs && ms < last.endMs) return last;
    const hour = Math.floor(ms / HOUR_MS);
    let found = this.#byHour.get(hour);
    if (found === undefined) {
      const day = rigaDayOfMs(ms);
      found = this.byDay(day);
      if (this.#byHour.size > 500_000) this.#byHour.clear();
      this.#byHour.set(hour, found);
    }
    this.#last = found;
    return found;
  }

  byDay(day: string): RigaDay {
    let found = this.#byDay.get(day);
    if (found === undefined) {
      found = { day, number: Date.parse(`${day}T00:00:00Z`) / DAY_MS, startMs: rigaDayStartMs(day), endMs: rigaDayStartMs(addDays(day, 1)) };
      this.#byDay.set(day, found);
    }
    return found;
  }
}

export interface MeterInfo {
  /** small number for buffer keys */
  index: number;
  id: string;
  number: string;
  objectId: string;
  installedOn: string;
  removedOn: string | null;
  installedDay: number;
  removedDay: number;
  /** has an accepted value in this import (for the meters count) */
  accepted: boolean;
}

/** A meter, or why a row naming this object and meter is refused. */
export type MeterLookup = MeterInfo | string;

/** How the file format names the object and meter fields in reasons. */
export interface DirectoryFields { eic: string; meter: string }

/**
 * Objects by EIC and meters by number, looked up in sets: a parser asks find(); what is not known yet it
 * collects, and load() fetches all of it with one query per table (once per chunk of the file, not per row).
 */
export class MeterDirectory {
  readonly #db: Db;
  readonly #fields: DirectoryFields;
  readonly #objects = new Map<string, string | null>();
  readonly #badEics = new Map<string, string>();
  readonly #meters = new Map<string, MeterInfo | null>();
  readonly #wantedEics = new Set<string>();
  readonly #wantedNumbers = new Set<string>();
  #count = 0;

  constructor(db: Db, fields: DirectoryFields) {
    this.#db = db;
    this.#fields = fields;
  }

  /** The meter, a reason, or undefined when load() must run first. */
  find(eic: string, number: string): MeterLookup | undefined {
    const objectId = this.#objects.get(eic);
    if (objectId === undefined) {
      let problem = this.#badEics.get(eic);
      if (problem === undefined) {
        const found = eicProblem(eic);
        if (found !== null) {
          problem = `${this.#fields.eic}: ${echo(eic)} is no EIC: ${found}`;
          this.#badEics.set(detached(eic), problem);
        }
      }
      if (problem !== undefined) return problem;
      this.#wantedEics.add(detached(eic));
    }
    let meter = this.#meters.get(number);
    if (meter === undefined) {
      if (number === '' || number.length > 100 || number.includes('\u0000')) {
        meter = null;
        this.#meters.set(detached(number), null);
      } else {
        this.#wantedNumbers.add(detached(number));
      }
    }
    if (objectId === undefined || meter === undefined) return undefined;
    if (objectId === null) return `${this.#fields.eic}: no object has the EIC ${echo(eic)}`;
    if (meter === null) return `${this.#fields.meter}: no meter has the number ${echo(number)}`;
    if (meter.objectId !== objectId) return `${this.#fields.meter}: meter ${echo(number)} is not on the object ${eic}`;
    return meter;
  }

  get wanted(): boolean {
    return this.#wantedEics.size > 0 || this.#wantedNumbers.size > 0;
  }

  async load(): Promise<void> {
    if (this.#wantedEics.size > 0) {
      const eics = [...this.#wantedEics];
      this.#wantedEics.clear();
      const found = await sql<{ id: string; eic: string }>`SELECT id, eic FROM metering_objects WHERE eic = ANY(${textArray(eics)}::text[])`.execute(this.#db);
      for (const eic of eics) this.#objects.set(eic, null);
      for (const row of found.rows) this.#objects.set(row.eic, row.id);
    }
    if (this.#wantedNumbers.size > 0) {
      const numbers = [...this.#wantedNumbers];
      this.#wantedNumbers.clear();
      const found = await sql<{ id: string; number: string; object_id: string; installed_on: string; removed_on: string | null }>`
        SELECT id, number, object_id, installed_on::text AS installed_on, removed_on::text AS removed_on
        FROM meters WHERE number = ANY(${textArray(numbers)}::text[])`.execute(this.#db);
      for (const number of numbers) this.#meters.set(number, null);
      for (const row of found.rows) {
        this.#meters.set(row.number, {
          index: this.#count++,
          id: row.id,
          number: row.number,
          objectId: row.object_id,
          installedOn: row.installed_on,
          removedOn: row.removed_on,
          installedDay: Date.parse(`${row.installed_on}T00:00:00Z`) / DAY_MS,
          removedDay: row.removed_on === null ? Infinity : Date.parse(`${row.removed_on}T00:00:00Z`) / DAY_MS,
          accepted: false,
        });
      }
    }
  }
}

/**
 * Builds a query parameter's text (an array literal) byte by byte in one growing buffer, so a batch of a few
 * hundred thousand values costs one string, not one per value.
 */
export class LiteralWriter {
  #bytes = Buffer.allocUnsafe(1 << 16);
  #length = 0;
  readonly #digits = new Uint8Array(12);

  reset(): this {
    this.#length = 0;
    return this;
  }

  #room(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.#bytes.copy(bigger, 0, 0, this.#length);
    this.#bytes = bigger;
  }

  byte(code: number): void {
    this.#room(1);
    this.#bytes[this.#length++] = code;
  }

  /** ASCII text (ids, dates, quality letters) as it is. */
  ascii(text: string): void {
    this.#room(text.length);
    this.#length += this.#bytes.write(text, this.#length, 'latin1');
  }

  integer(value: number): void {
    this.#room(12);
    const bytes = this.#bytes;
    if (value < 0) {
      bytes[this.#length++] = 45;
      value = -value;
    }
    if (value < 10) {
      bytes[this.#length++] = 48 + value;
      return;
    }
    let n = 0;
    while (value > 0) {
      const next = Math.floor(value / 10);
      this.#digits[n++] = 48 + (value - next * 10);
      value = next;
    }
    while (n > 0) bytes[this.#length++] = this.#digits[--n];
  }

  /** An integer[] literal of the first n values, NULL for NONE. */
  integers(values: Int32Array, n: number): void {
    this.byte(123); // {
    for (let p = 0; p < n; p++) {
      if (p > 0) this.byte(44);
      const value = values[p];
      if (value === NONE) this.ascii('NULL');
      else this.integer(value);
    }
    this.byte(125); // }
  }

  /** An array literal of the first n values (whole numbers), NULL for NaN. */
  numbers(values: Float64Array, n: number): void {
    this.byte(123); // {
    for (let p = 0; p < n; p++) {
      if (p > 0) this.byte(44);
      const value = values[p];
      if (Number.isNaN(value)) this.ascii('NULL');
      else this.integer(value);
    }
    this.byte(125); // }
  }

  /** Small counts (0–9) as one digit each. */
  digits(counts: Uint8Array, n: number): void {
    this.#room(n);
    for (let p = 0; p < n; p++) this.#bytes[this.#length++] = 48 + counts[p];
  }

  quality(codes: Uint8Array, n: number): void {
    this.#room(n);
    for (let p = 0; p < n; p++) this.#bytes[this.#length++] = codes[p];
  }

  text(): string {
    return this.#bytes.toString('latin1', 0, this.#length);
  }
}

/** One meter's Riga day as the file gives it so far. */
class DayBuffer {
  meter!: MeterInfo;
  day!: RigaDay;
  key = 0;
  minutes = 0;
  positions = 0;
  filled = 0;
  readonly imp = new Int32Array(MAX_POSITIONS);
  readonly exp = new Int32Array(MAX_POSITIONS);
  /** quality letter per position; 0 where the file has no row */
  readonly q = new Uint8Array(MAX_POSITIONS);
  /** where each row is in the file (line, or group and index) */
  readonly a = new Int32Array(MAX_POSITIONS);
  readonly b = new Int32Array(MAX_POSITIONS);
  /** its slot in the store's record of meter-days taken into batches before, or -1 */
  seenSlot = -1;
}

interface StoredDay {
  meter_id: string;
  day: string;
  interval_minutes: number;
  /** the array as text, '' when every element is NULL */
  import_wh: string;
  export_wh: string;
  quality: string;
  import_id: string;
}

export interface StoreOptions {
  importId: string;
  /** the import's time: intervals ending later are refused; updated_at and replaced_at */
  now: Date;
  /** how a rejected row is named: { line } for CSV, { path } for JSON */
  describe(a: number, b: number): Omit<ImportRejection, 'reason'>;
  batchDays?: number;
}

export interface StoreSummary {
  inserted: number;
  corrected: number;
  unchanged: number;
  rejectedTotal: number;
  rejected: ImportRejection[];
  meters: number;
  days: number;
  daysWritten: number;
  revisions: number;
  from: string | null;
  until: string | null;
}

interface Rejection { a: number; b: number; reason: string }

/** The written days of a batch, as query parameter texts being built. */
class BatchWrite {
  readonly ids = new LiteralWriter();
  readonly days = new LiteralWriter();
  readonly minutes = new LiteralWriter();
  readonly imp = new LiteralWriter();
  readonly exp = new LiteralWriter();
  readonly quality = new LiteralWriter();
  readonly hourImp = new LiteralWriter();
  readonly hourExp = new LiteralWriter();
  readonly hourQuality = new LiteralWriter();
  readonly hourMissing = new LiteralWriter();
  readonly estimated = new LiteralWriter();
  readonly #writers = [this.ids, this.days, this.minutes, this.imp, this.exp, this.quality,
    this.hourImp, this.hourExp, this.hourQuality, this.hourMissing, this.estimated];
  readonly #hours = new DayHours();
  count = 0;
  readonly revisedIds: string[] = [];
  readonly revisedDays: string[] = [];

  reset(): void {
    for (const writer of this.#writers) writer.reset().byte(123);
    this.count = 0;
    this.revisedIds.length = 0;
    this.revisedDays.length = 0;
  }

  add(meterId: string, day: string, minutes: number, imp: Int32Array, exp: Int32Array, quality: Uint8Array, n: number): void {
    if (this.count++ > 0) for (const writer of this.#writers) writer.byte(44);
    quoted(this.ids, meterId);
    this.days.ascii(day);
    this.minutes.integer(minutes);
    arrayElement(this.imp, imp, n);
    arrayElement(this.exp, exp, n);
    this.quality.byte(34);
    this.quality.quality(quality, n);
    this.quality.byte(34);
    const hours = computeDayHours(minutes, imp, exp, quality, n, this.#hours);
    this.hourImp.byte(34);
    this.hourImp.numbers(hours.importWh, hours.hours);
    this.hourImp.byte(34);
    this.hourExp.byte(34);
    this.hourExp.numbers(hours.exportWh, hours.hours);
    this.hourExp.byte(34);
    this.hourQuality.byte(34);
    this.hourQuality.quality(hours.quality, hours.hours);
    this.hourQuality.byte(34);
    this.hourMissing.byte(34);
    this.hourMissing.digits(hours.missing, hours.hours);
    this.hourMissing.byte(34);
    this.estimated.integer(hours.estimated);
  }

  finish(): void {
    for (const writer of this.#writers) writer.byte(125);
  }
}

function quoted(writer: LiteralWriter, text: string): void {
  writer.byte(34);
  writer.ascii(/["\\]/.test(text) ? text.replace(/["\\]/g, '\\$&') : text);
  writer.byte(34);
}

/** An integer[] literal as an element of a text[] literal: quoted, or "" when every value is NONE (SQL fills NULLs). */
function arrayElement(writer: LiteralWriter, values: Int32Array, n: number): void {
  writer.byte(34);
  let any = false;
  for (let p = 0; p < n; p++) {
    if (values[p] !== NONE) {
      any = true;
      break;
    }
  }
  if (any) writer.integers(values, n);
  writer.byte(34);
}

export class IntervalStore {
  readonly #db: Db;
  readonly #options: StoreOptions;
  readonly #nowMs: number;
  readonly #nowText: string;
  readonly #batchDays: number;
  readonly days = new RigaDayCache();
  readonly #buffers = new Map<number, DayBuffer>();
  readonly #free: DayBuffer[] = [];
  /**
   * Every meter-day taken into a batch: its slot of SEEN_BYTES in #seenBits (a bit per position; the last byte
   * says it is counted in `days`), for repeats of rows across batches. One slab rather than an object per
   * meter-day: a daily file of all meters has hundreds of thousands.
   */
  readonly #seenSlots = new Map<number, number>();
  #seenBits = new Uint8Array(SEEN_BYTES * 4096);
  #lastKey = -1;
  #lastBuffer: DayBuffer | null = null;
  /** the batch being compared and written while the parser fills the next */
  #inFlight: Promise<void> = Promise.resolve();
  #abandoned = false;
  readonly #write = new BatchWrite();
  readonly #lookupIds = new LiteralWriter();
  readonly #lookupDays = new LiteralWriter();
  readonly #rejections: Rejection[] = [];
  inserted = 0;
  corrected = 0;
  unchanged = 0;
  rejectedTotal = 0;
  meters = 0;
  dayCount = 0;
  daysWritten = 0;
  revisions = 0;
  #fromMs = Infinity;
  #untilMs = -Infinity;
  // scratch for the merge
  readonly #storedImp = new Int32Array(MAX_POSITIONS);
  readonly #storedExp = new Int32Array(MAX_POSITIONS);
  readonly #mergedImp = new Int32Array(MAX_POSITIONS);
  readonly #mergedExp = new Int32Array(MAX_POSITIONS);
  readonly #mergedQ = new Uint8Array(MAX_POSITIONS);

  constructor(db: Db, options: StoreOptions) {
    this.#db = db;
    this.#options = options;
    this.#nowMs = options.now.getTime();
    this.#nowText = options.now.toISOString();
    this.#batchDays = options.batchDays ?? BATCH_DAYS;
  }

  reject(a: number, b: number, reason: string): void {
    this.rejectedTotal++;
    if (this.#rejections.length < MAX_LISTED_REJECTIONS) this.#rejections.push({ a, b, reason });
  }

  /**
   * One value: the interval of `minutes` starting at startMs (UTC ms), import and export in Wh (NONE: no value),
   * the quality letter's code, and where the row is in the file. Refused (with the reason) when the interval
   * ends in the future, does not start on an interval boundary of its Riga day, lies outside the meter's
   * installation (installed_on … removed_on, both Riga days included), has another length than the file's
   * other rows of that meter-day, or repeats one of them (the first one counts).
   */
  add(meter: MeterInfo, startMs: number, minutes: number, importWh: number, exportWh: number, quality: number, a: number, b: number): void {
    const stepMs = minutes * MINUTE_MS;
    if (startMs + stepMs > this.#nowMs) {
      return this.reject(a, b, `the interval ${new Date(startMs).toISOString()}–${new Date(startMs + stepMs).toISOString()} has not ended yet`);
    }
    const day = this.days.of(startMs);
    const offset = startMs - day.startMs;
    if (offset % stepMs !== 0) {
      return this.reject(a, b, `${new Date(startMs).toISOString()} is not the start of a ${minutes}-minute interval of the Riga day ${day.day}`);
    }
    if (day.number < meter.installedDay || day.number > meter.removedDay) {
      return this.reject(a, b, `meter ${echo(meter.number)} was not installed on ${day.day} (installed ${meter.installedOn}${meter.removedOn ? `, removed ${meter.removedOn}` : ''})`);
    }
    const position = offset / stepMs;
    const key = meter.index * DAY_SLOTS + day.number;
    let buffer = key === this.#lastKey ? this.#lastBuffer! : this.#buffers.get(key);
    if (buffer === undefined) {
      buffer = this.#free.pop() ?? new DayBuffer();
      buffer.meter = meter;
      buffer.day = day;
      buffer.key = key;
      buffer.minutes = minutes;
      buffer.positions = (day.endMs - day.startMs) / stepMs;
      buffer.filled = 0;
      buffer.q.fill(0);
      buffer.seenSlot = this.#seenSlots.get(key) ?? -1;
      this.#buffers.set(key, buffer);
    } else if (buffer.minutes !== minutes) {
      return this.reject(a, b, `a ${minutes}-minute interval, but the file's other rows for meter ${echo(meter.number)} on ${day.day} have ${buffer.minutes} minutes`);
    }
    this.#lastKey = key;
    this.#lastBuffer = buffer;
    if (buffer.q[position] !== 0) {
      const first = this.#options.describe(buffer.a[position], buffer.b[position]);
      return this.reject(a, b, `the same meter and interval as ${first.line !== undefined ? `line ${first.line}` : first.path} (the first one counts)`);
    }
    if (buffer.seenSlot !== -1 && (this.#seenBits[buffer.seenSlot * SEEN_BYTES + (position >> 3)] & (1 << (position & 7))) !== 0) {
      return this.reject(a, b, 'the same meter and interval as an earlier row of the file (the first one counts)');
    }
    buffer.imp[position] = importWh;
    buffer.exp[position] = exportWh;
    buffer.q[position] = quality;
    buffer.a[position] = a;
    buffer.b[position] = b;
    buffer.filled++;
  }

  /**
   * When enough meter-days are waiting: waits for the batch in flight, then starts comparing and writing these
   * while the parser goes on. The meter-day rows are still coming in for (the last one) stays for the next batch.
   */
  async flushIfFull(): Promise<void> {
    if (this.#buffers.size < this.#batchDays) return;
    await this.#inFlight;
    this.#startBatch(true);
  }

  #startBatch(keepOpenDay: boolean): void {
    const batch: DayBuffer[] = [];
    const open = keepOpenDay ? this.#lastBuffer : null;
    for (const buffer of this.#buffers.values()) {
      if (buffer === open) continue;
      batch.push(buffer);
      // Marked now, so that rows of these meter-days still to come are seen as repeats at once.
      if (buffer.seenSlot === -1) {
        buffer.seenSlot = this.#seenSlots.size;
        this.#seenSlots.set(buffer.key, buffer.seenSlot);
        if ((buffer.seenSlot + 1) * SEEN_BYTES > this.#seenBits.length) {
          const bigger = new Uint8Array(this.#seenBits.length * 2);
          bigger.set(this.#seenBits);
          this.#seenBits = bigger;
        }
      }
      const bits = this.#seenBits;
      const base = buffer.seenSlot * SEEN_BYTES;
      for (let p = 0; p < buffer.positions; p++) if (buffer.q[p] !== 0) bits[base + (p >> 3)] |= 1 << (p & 7);
    }
    this.#buffers.clear();
    if (open !== null) this.#buffers.set(open.key, open);
    else {
      this.#lastKey = -1;
      this.#lastBuffer = null;
    }
    if (batch.length === 0) return;
    const flight = this.#writeBatch(batch);
    flight.catch(() => {}); // surfaces at the next await of #inFlight
    this.#inFlight = flight;
  }

  async #writeBatch(buffers: DayBuffer[]): Promise<void> {
    const ids = this.#lookupIds.reset();
    const days = this.#lookupDays.reset();
    ids.byte(123);
    days.byte(123);
    let minDay = buffers[0].day.day;
    let maxDay = minDay;
    for (let i = 0; i < buffers.length; i++) {
      const buffer = buffers[i];
      if (i > 0) {
        ids.byte(44);
        days.byte(44);
      }
      quoted(ids, buffer.meter.id);
      days.ascii(buffer.day.day);
      if (buffer.day.day < minDay) minDay = buffer.day.day;
      if (buffer.day.day > maxDay) maxDay = buffer.day.day;
    }
    ids.byte(125);
    days.byte(125);
    // One index lookup per key (LATERAL … LIMIT 1 keeps the planner from scanning the whole range of days);
    // an array of NULLs only comes back as ''.
    const stored = await sql<StoredDay>`
      SELECT d.meter_id, d.day::text AS day, d.interval_minutes, d.quality, d.import_id,
        CASE WHEN num_nulls(VARIADIC d.import_wh) = cardinality(d.import_wh) THEN '' ELSE d.import_wh::text END AS import_wh,
        CASE WHEN num_nulls(VARIADIC d.export_wh) = cardinality(d.export_wh) THEN '' ELSE d.export_wh::text END AS export_wh
      FROM unnest(${ids.text()}::text[], ${days.text()}::date[]) AS k(meter_id, day)
      CROSS JOIN LATERAL (
        SELECT * FROM interval_days i
        WHERE i.meter_id = k.meter_id AND i.day = k.day AND i.day >= ${minDay}::date AND i.day <= ${maxDay}::date
        LIMIT 1
      ) d`.execute(this.#db);
    if (this.#abandoned) return;
    const storedByKey = new Map<string, StoredDay>();
    for (const row of stored.rows) storedByKey.set(`${row.meter_id}|${row.day}`, row);

    const write = this.#write;
    write.reset();
    for (const buffer of buffers) this.#merge(buffer, storedByKey.get(`${buffer.meter.id}|${buffer.day.day}`), write);
    write.finish();
    const importId = this.#options.importId;
    if (write.revisedIds.length > 0) {
      await sql`
        INSERT INTO interval_revisions (meter_id, day, replaced_at, replaced_by_import, import_id, interval_minutes, import_wh, export_wh, quality)
        SELECT d.meter_id, d.day, ${this.#nowText}::timestamptz, ${importId}, d.import_id, d.interval_minutes, d.import_wh, d.export_wh, d.quality
        FROM unnest(${textArray(write.revisedIds)}::text[], ${textArray(write.revisedDays)}::date[]) AS k(meter_id, day)
        CROSS JOIN LATERAL (
          SELECT * FROM interval_days i
          WHERE i.meter_id = k.meter_id AND i.day = k.day AND i.day >= ${minDay}::date AND i.day <= ${maxDay}::date
          LIMIT 1
        ) d`.execute(this.#db);
      this.revisions += write.revisedIds.length;
    }
    if (write.count > 0) {
      await sql`
        INSERT INTO interval_days (meter_id, day, interval_minutes, import_wh, export_wh, quality, import_id, updated_at,
          hour_import_wh, hour_export_wh, hour_quality, hour_missing, estimated_intervals)
        SELECT u.meter_id, u.day, u.interval_minutes,
          CASE WHEN u.import_wh = '' THEN array_fill(NULL::integer, ARRAY[length(u.quality)]) ELSE u.import_wh::integer[] END,
          CASE WHEN u.export_wh = '' THEN array_fill(NULL::integer, ARRAY[length(u.quality)]) ELSE u.export_wh::integer[] END,
          u.quality, ${importId}, ${this.#nowText}::timestamptz,
          u.hour_import_wh::bigint[], u.hour_export_wh::bigint[], u.hour_quality, u.hour_missing, u.estimated_intervals
        FROM unnest(${write.ids.text()}::text[], ${write.days.text()}::date[], ${write.minutes.text()}::smallint[],
                    ${write.imp.text()}::text[], ${write.exp.text()}::text[], ${write.quality.text()}::text[],
                    ${write.hourImp.text()}::text[], ${write.hourExp.text()}::text[], ${write.hourQuality.text()}::text[],
                    ${write.hourMissing.text()}::text[], ${write.estimated.text()}::smallint[])
             AS u(meter_id, day, interval_minutes, import_wh, export_wh, quality, hour_import_wh, hour_export_wh, hour_quality, hour_missing, estimated_intervals)
        ON CONFLICT (meter_id, day) DO UPDATE SET
          interval_minutes = EXCLUDED.interval_minutes, import_wh = EXCLUDED.import_wh, export_wh = EXCLUDED.export_wh,
          quality = EXCLUDED.quality, import_id = EXCLUDED.import_id, updated_at = EXCLUDED.updated_at,
          hour_import_wh = EXCLUDED.hour_import_wh, hour_export_wh = EXCLUDED.hour_export_wh, hour_quality = EXCLUDED.hour_quality,
          hour_missing = EXCLUDED.hour_missing, estimated_intervals = EXCLUDED.estimated_intervals`.execute(this.#db);
      this.daysWritten += write.count;
    }
    for (const buffer of buffers) this.#free.push(buffer);
  }

  /** Compares a meter-day of the file with what is stored, counts per value, and adds it to the write when it changed. */
  #merge(buffer: DayBuffer, stored: StoredDay | undefined, write: BatchWrite): void {
    const n = buffer.positions;
    if (stored !== undefined && stored.interval_minutes !== buffer.minutes) {
      for (let p = 0; p < n; p++) {
        if (buffer.q[p] !== 0) {
          this.reject(buffer.a[p], buffer.b[p], `a ${buffer.minutes}-minute interval, but meter ${echo(buffer.meter.number)} has ${stored.interval_minutes}-minute intervals stored for ${buffer.day.day}`);
        }
      }
      return;
    }
    this.#accept(buffer);
    const oldImp = this.#storedImp;
    const oldExp = this.#storedExp;
    if (stored !== undefined && stored.import_wh !== '') parseIntegerArray(stored.import_wh, oldImp);
    else oldImp.fill(NONE);
    if (stored !== undefined && stored.export_wh !== '') parseIntegerArray(stored.export_wh, oldExp);
    else oldExp.fill(NONE);
    const storedQuality = stored === undefined ? '' : stored.quality;
    const newImp = this.#mergedImp;
    const newExp = this.#mergedExp;
    const newQ = this.#mergedQ;
    let changed = false;
    let storedHasValue = false;
    for (let p = 0; p < n; p++) {
      const oi = oldImp[p];
      const oe = oldExp[p];
      const oq = p < storedQuality.length ? storedQuality.charCodeAt(p) : QUALITY.missing;
      const hadValue = oi !== NONE || oe !== NONE;
      if (hadValue) storedHasValue = true;
      newImp[p] = oi;
      newExp[p] = oe;
      newQ[p] = oq;
      const q = buffer.q[p];
      if (q === 0) continue;
      const bi = buffer.imp[p];
      const be = buffer.exp[p];
      if (bi === NONE && be === NONE) {
        this.unchanged++;
        continue;
      }
      const ni = bi !== NONE ? bi : oi;
      const ne = be !== NONE ? be : oe;
      if (ni === oi && ne === oe && q === oq) {
        this.unchanged++;
        continue;
      }
      changed = true;
      if (hadValue) this.corrected++;
      else this.inserted++;
      newImp[p] = ni;
      newExp[p] = ne;
      newQ[p] = q;
    }
    if (!changed) return;
    write.add(buffer.meter.id, buffer.day.day, buffer.minutes, newImp, newExp, newQ, n);
    // The day's earlier arrays are kept once per import (a file may bring one meter-day in several batches).
    if (stored !== undefined && storedHasValue && stored.import_id !== this.#options.importId) {
      write.revisedIds.push(buffer.meter.id);
      write.revisedDays.push(buffer.day.day);
    }
  }

  /** Counts the buffer's rows as accepted: meters, meter-days, the span. */
  #accept(buffer: DayBuffer): void {
    const n = buffer.positions;
    if (!buffer.meter.accepted) {
      buffer.meter.accepted = true;
      this.meters++;
    }
    const counted = buffer.seenSlot * SEEN_BYTES + SEEN_BYTES - 1;
    if (this.#seenBits[counted] === 0) {
      this.#seenBits[counted] = 1;
      this.dayCount++;
    }
    let first = -1;
    let last = -1;
    for (let p = 0; p < n; p++) {
      if (buffer.q[p] === 0) continue;
      if (first === -1) first = p;
      last = p;
    }
    const stepMs = buffer.minutes * MINUTE_MS;
    const fromMs = buffer.day.startMs + first * stepMs;
    const untilMs = buffer.day.startMs + (last + 1) * stepMs;
    if (fromMs < this.#fromMs) this.#fromMs = fromMs;
    if (untilMs > this.#untilMs) this.#untilMs = untilMs;
  }

  /**
   * The import failed (a malformed file): writes nothing more, and returns once the batch in flight is done, so
   * that no statement of it can reach the connection after the transaction has been rolled back.
   */
  async abandon(): Promise<void> {
    this.#abandoned = true;
    await this.#inFlight.catch(() => {});
  }

  /** Writes what is left and answers the counts; the rejected rows sorted by their place in the file. */
  async finish(): Promise<StoreSummary> {
    await this.#inFlight;
    this.#startBatch(false);
    await this.#inFlight;
    const rejections = [...this.#rejections].sort((x, y) => x.a - y.a || x.b - y.b);
    return {
      inserted: this.inserted,
      corrected: this.corrected,
      unchanged: this.unchanged,
      rejectedTotal: this.rejectedTotal,
      rejected: rejections.map((r) => ({ ...this.#options.describe(r.a, r.b), reason: r.reason })),
      meters: this.meters,
      days: this.dayCount,
      daysWritten: this.daysWritten,
      revisions: this.revisions,
      from: Number.isFinite(this.#fromMs) ? new Date(this.#fromMs).toISOString() : null,
      until: Number.isFinite(this.#untilMs) ? new Date(this.#untilMs).toISOString() : null,
    };
  }
}
