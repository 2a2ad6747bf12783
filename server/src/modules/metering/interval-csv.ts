import { isAscii } from 'node:buffer';
import { AppError } from '../../infra/errors.js';
import { echo, NONE, QUALITY, type IntervalStore, type MeterDirectory, type MeterLookup } from './interval-store.js';

/**
 * The portal's interval CSV (GRD-3, docs/API.md "Interval data import"), read line by line from a stream,
 * and the value parsers the Sadales tīkls JSON and the spot price CSV share. Made for speed: lines are cut
 * by indexOf and fields parsed from character codes in place, without a string per field; the date part
 * of a timestamp is parsed once per day; a run of rows of the same meter resolves the meter once.
 */

export const INTERVAL_CSV_HEADER = 'object_eic,meter_number,interval_start,interval_minutes,import_kwh,export_kwh,status';

/** Largest file an import takes (the body of the route, a file of the CLI). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;
/** Longer lines are no rows of these formats: the file is refused rather than held in memory. */
const MAX_LINE_CHARACTERS = 64 * 1024;

/** A file that cannot be read as a whole: a 400 naming the body, and the import changes nothing. */
export function malformed(code: string, reason: string): AppError {
  return new AppError(code, 400, `body: ${reason}`, { field: 'body', reason });
}

/**
 * The file's bytes, counted (over MAX_IMPORT_BYTES: 413) and with a failing upload (the client went away)
 * answered as a 400 rather than a 500.
 */
export async function* guardedChunks(input: AsyncIterable<Uint8Array | string>, maxBytes = MAX_IMPORT_BYTES): AsyncGenerator<Uint8Array | string> {
  let bytes = 0;
  const iterator = input[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw malformed('IMPORT_UPLOAD_FAILED', `the upload broke off: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (next.done) return;
    bytes += typeof next.value === 'string' ? next.value.length : next.value.byteLength;
    if (bytes > maxBytes) {
      throw new AppError('IMPORT_TOO_LARGE', 413, `body: larger than ${maxBytes} bytes`, { field: 'body', reason: `larger than ${maxBytes} bytes` });
    }
    yield next.value;
  }
}

/**
 * Calls onLine for every line of the stream (without its \n or \r\n; line numbers from 1). When onLine answers
 * false, prepare(text, start) runs (e.g. looks up the meters the rest of the chunk names, in one query) and the
 * same line is offered again. afterChunk runs once per chunk read, so the caller can write what it collected.
 */
export async function readLines(
  input: AsyncIterable<Uint8Array | string>,
  onLine: (text: string, start: number, end: number, line: number) => boolean | void,
  afterChunk: () => Promise<void>,
  prepare: (text: string, start: number) => Promise<void> = async () => {},
): Promise<void> {
  // ASCII chunks (the usual file) are copied as Latin-1, which is several times faster than UTF-8 decoding;
  // the decoder takes over for a chunk with other characters and for one that may complete a character cut
  // at the end of the chunk before.
  const decoder = new TextDecoder('utf-8');
  let decoderHolds = false;
  const decode = (chunk: Uint8Array): string => {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!decoderHolds && isAscii(bytes)) return bytes.toString('latin1');
    decoderHolds = bytes.length > 0 && bytes[bytes.length - 1] >= 0x80;
    return decoder.decode(bytes, { stream: true });
  };
  let carry = '';
  let line = 0;
  let position = 0;
  /** Offers the lines of text from `position` on; false when onLine asked to prepare (position is then that line). */
  const scan = (text: string, last: boolean): boolean => {
    for (;;) {
      const newline = text.indexOf('\n', position);
      let end = newline;
      if (newline === -1) {
        if (!last || position >= text.length) return true;
        end = text.length;
      }
      if (end > position && text.charCodeAt(end - 1) === 13) end--;
      if (onLine(text, position, end, line + 1) === false) return false;
      line++;
      if (newline === -1) {
        position = text.length;
        return true;
      }
      position = newline + 1;
    }
  };
  // The loop over lines is synchronous (fast); the rare pause to prepare is outside it, then the same line again.
  const take = async (text: string, last: boolean) => {
    let stuckAt = -1;
    while (!scan(text, last)) {
      if (position === stuckAt) throw new Error('readLines: a line is still not ready after prepare');
      stuckAt = position;
      await prepare(text, position);
    }
  };
  const tooLong = () => malformed('IMPORT_LINE_TOO_LONG', `line ${line + 1} is longer than ${MAX_LINE_CHARACTERS} characters`);
  let first = true;
  for await (const chunk of guardedChunks(input)) {
    let text = typeof chunk === 'string' ? chunk : decode(chunk);
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    position = 0;
    if (carry !== '') {
      // The line cut at the chunk's end: joined on its own, so the chunk itself stays one flat string (scanning
      // a concatenated string is several times slower).
      const newline = text.indexOf('\n');
      if (newline === -1) {
        carry += text;
        if (carry.length > MAX_LINE_CHARACTERS) throw tooLong();
        continue;
      }
      const joined = carry + text.slice(0, newline + 1);
      carry = '';
      await take(joined, false);
      position = newline + 1;
    }
    await take(text, false);
    carry = text.slice(position);
    if (carry.length > MAX_LINE_CHARACTERS) throw tooLong();
    await afterChunk();
  }
  position = 0;
  await take(carry + decoder.decode(), true);
  await afterChunk();
}

/** The fields of a line with double quotes (RFC 4180), for the rare file that quotes; null when a quote is unbalanced. */
export function splitQuotedLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/**
 * ISO 8601 instants with Z or an offset: YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH[:MM]) (a space for the T is taken
 * too), as UTC milliseconds, or NaN. The date part is parsed once and kept while the next rows share it.
 */
export class InstantParser {
  #date = '';
  #dateMs = 0;

  parse(text: string, start: number, end: number): number {
    if (end - start < 17) return NaN;
    if (this.#date === '' || !text.startsWith(this.#date, start)) {
      const year = digits(text, start, 4);
      const month = text.charCodeAt(start + 4) === 45 ? digits(text, start + 5, 2) : NaN;
      const day = text.charCodeAt(start + 7) === 45 ? digits(text, start + 8, 2) : NaN;
      if (!(year >= 2000 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
      this.#date = text.slice(start, start + 10);
      this.#dateMs = Date.UTC(year, month - 1, day);
    }
    const t = text.charCodeAt(start + 10);
    if (t !== 84 && t !== 32 && t !== 116) return NaN; // T, space, t
    const hour = digits(text, start + 11, 2);
    const minute = text.charCodeAt(start + 13) === 58 ? digits(text, start + 14, 2) : NaN;
    if (!(hour <= 23 && minute <= 59)) return NaN;
    let at = start + 16;
    let second = 0;
    let millisecond = 0;
    if (text.charCodeAt(at) === 58) {
      second = digits(text, at + 1, 2);
      if (!(second <= 59)) return NaN;
      at += 3;
      if (text.charCodeAt(at) === 46) {
        at++;
        let scale = 100;
        const from = at;
        while (at < end) {
          const d = text.charCodeAt(at) - 48;
          if (d < 0 || d > 9) break;
          millisecond += d * scale;
          scale /= 10;
          at++;
        }
        if (at === from) return NaN;
        millisecond = Math.floor(millisecond);
      }
    }
    let offsetMinutes = 0;
    const sign = text.charCodeAt(at);
    if (sign === 90 || sign === 122) { // Z, z
      at++;
    } else if (sign === 43 || sign === 45) { // + -
      const offsetHour = digits(text, at + 1, 2);
      at += 3;
      let offsetMinute = 0;
      if (at < end) {
        if (text.charCodeAt(at) === 58) at++;
        offsetMinute = digits(text, at, 2);
        at += 2;
      }
      if (!(offsetHour <= 14 && offsetMinute <= 59)) return NaN;
      offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    } else {
      return NaN;
    }
    if (at !== end) return NaN;
    return this.#dateMs + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millisecond;
  }
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * A decimal with a point and at most 3 decimals (more only when they are zeros), times 1000 as an integer:
 * kWh → Wh, €/MWh → milli-euro per MWh (= micro-euro per kWh). NaN when it is not such a number, negative
 * without allowNegative, or beyond ±2,147,483,647 (what an integer array element holds); decimalProblem says why.
 */
export function parseMilli(text: string, start: number, end: number, allowNegative: boolean): number {
  let at = start;
  let negative = false;
  if (text.charCodeAt(at) === 45) {
    if (!allowNegative) return NaN;
    negative = true;
    at++;
  }
  let value = 0;
  let integerDigits = 0;
  while (at < end) {
    const d = text.charCodeAt(at) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    at++;
    if (++integerDigits > 10) return NaN;
  }
  let scale = 1000;
  let decimals = 0;
  if (at < end && text.charCodeAt(at) === 46) {
    at++;
    while (at < end) {
      const d = text.charCodeAt(at) - 48;
      if (d < 0 || d > 9) return NaN;
      if (++decimals <= 3) {
        scale /= 10;
        value = value * 10 + d;
      } else if (d !== 0) {
        return NaN;
      }
      at++;
    }
    if (decimals === 0) return NaN;
  } else if (integerDigits === 0) {
    return NaN;
  }
  if (at !== end || (integerDigits === 0 && decimals === 0)) return NaN;
  value *= scale;
  if (value > 2_147_483_647) return NaN;
  return negative ? -value : value;
}

/** Why parseMilli refused the text. */
export function decimalProblem(text: string, allowNegative: boolean, unit: string): string {
  if (/^-/.test(text) && !allowNegative && /^-\d*(\.\d+)?$/.test(text)) return `${echo(text)}: energy cannot be negative`;
  if (!/^-?\d*(\.\d+)?$/.test(text) || text === '' || text === '-') {
    return `${echo(text)} is not a decimal number of ${unit} (digits with a decimal point, e.g. 1.250)`;
  }
  if (/\.\d{3}\d*[1-9]/.test(text)) return `${echo(text)} has more than 3 decimals (the stored unit is a thousandth of ${unit})`;
  return `${echo(text)} is too large`;
}

/**
 * GRD-3: a Sadales tīkls status (letters C, D, M, E, N, U, several together) as the stored quality letter:
 * U unusable (the value is kept, never summed); N missing without a value, else estimated; C or D estimated;
 * E or M corrected; none measured; no value at all: missing. Several letters: unusable before estimated before
 * corrected. 0 for a letter outside the set.
 */
export function qualityOf(text: string, start: number, end: number, hasValue: boolean): number {
  let unusable = false;
  let estimated = false;
  let corrected = false;
  for (let at = start; at < end; at++) {
    switch (text.charCodeAt(at)) {
      case 85: unusable = true; break; // U
      case 78: case 67: case 68: estimated = true; break; // N C D
      case 69: case 77: corrected = true; break; // E M
      default: return 0;
    }
  }
  if (!hasValue) return QUALITY.missing;
  if (unusable) return QUALITY.unusable;
  if (estimated) return QUALITY.estimated;
  if (corrected) return QUALITY.corrected;
  return QUALITY.measured;
}

export function statusProblem(text: string): string {
  return `${echo(text)} is not a Sadales tīkls status (letters C, D, M, E, N, U, or empty for measured)`;
}

/**
 * GRD-3: reads the portal's interval CSV into the store. A wrong header refuses the whole file (400); a bad
 * row is rejected with its line and reason while the good rows land. Meters are looked up when a row names
 * one not known yet: then the rest of the chunk is scanned for every object and meter it names, and they are
 * loaded with one query per table before the row is read again.
 */
const SEVEN_FIELDS = 'expected 7 fields: object_eic,meter_number,interval_start,interval_minutes,import_kwh,export_kwh,status';

export async function readIntervalCsv(input: AsyncIterable<Uint8Array | string>, directory: MeterDirectory, store: IntervalStore): Promise<void> {
  const instants = new InstantParser();
  let headerSeen = false;
  // The last (object_eic,meter_number,) prefix and what it resolved to: a run of one meter's rows looks it up once.
  let pairPrefix = '';
  let pairResult: MeterLookup = '';
  // Where the next double quote in the chunk is: quoted lines take the slow path.
  let quoteText = '';
  let nextQuote = -1;

  /** false: the row names an object or meter not loaded yet */
  const row = (text: string, s: number, e: number, line: number): boolean => {
    // A run of rows of one meter: the (object_eic,meter_number,) prefix is the last row's, nothing to look up.
    let meter: MeterLookup | undefined;
    let c2: number;
    if (pairPrefix !== '' && text.startsWith(pairPrefix, s)) {
      c2 = s + pairPrefix.length - 1;
      meter = pairResult;
    } else {
      const c1 = text.indexOf(',', s);
      c2 = c1 === -1 || c1 >= e ? -1 : text.indexOf(',', c1 + 1);
      if (c2 === -1 || c2 >= e) return reject(line, SEVEN_FIELDS);
      meter = directory.find(text.slice(s, c1), text.slice(c1 + 1, c2));
      if (meter === undefined) return false;
      pairPrefix = text.slice(s, c2 + 1);
      pairResult = meter;
    }
    const c3 = text.indexOf(',', c2 + 1);
    const c4 = c3 === -1 ? -1 : text.indexOf(',', c3 + 1);
    const c5 = c4 === -1 ? -1 : text.indexOf(',', c4 + 1);
    const c6 = c5 === -1 ? -1 : text.indexOf(',', c5 + 1);
    if (c6 === -1 || c6 >= e) return reject(line, SEVEN_FIELDS);
    if (e > c6 + 1) {
      const c7 = text.indexOf(',', c6 + 1);
      if (c7 !== -1 && c7 < e) return reject(line, 'more than 7 fields');
    }
    if (typeof meter === 'string') return reject(line, meter);

    const startMs = instants.parse(text, c2 + 1, c3);
    if (startMs !== startMs) {
      return reject(line, `interval_start: ${echo(text.slice(c2 + 1, c3))} is not an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T00:00:00+02:00`);
    }
    let minutes = 0;
    if (c4 - c3 === 3) {
      const a = text.charCodeAt(c3 + 1);
      const b = text.charCodeAt(c3 + 2);
      if (a === 49 && b === 53) minutes = 15;
      else if (a === 54 && b === 48) minutes = 60;
    }
    if (minutes === 0) return reject(line, `interval_minutes: ${echo(text.slice(c3 + 1, c4))} must be 15 or 60`);
    let importWh = NONE;
    if (c5 > c4 + 1) {
      importWh = parseMilli(text, c4 + 1, c5, false);
      if (importWh !== importWh) return reject(line, `import_kwh: ${decimalProblem(text.slice(c4 + 1, c5), false, 'kWh')}`);
    }
    let exportWh = NONE;
    if (c6 > c5 + 1) {
      exportWh = parseMilli(text, c5 + 1, c6, false);
      if (exportWh !== exportWh) return reject(line, `export_kwh: ${decimalProblem(text.slice(c5 + 1, c6), false, 'kWh')}`);
    }
    const quality = qualityOf(text, c6 + 1, e, importWh !== NONE || exportWh !== NONE);
    if (quality === 0) return reject(line, `status: ${statusProblem(text.slice(c6 + 1, e))}`);
    store.add(meter, startMs, minutes, importWh, exportWh, quality, line, 0);
    return true;
  };

  const reject = (line: number, reason: string): true => {
    store.reject(line, 0, reason);
    return true;
  };

  const quotedRow = (lineText: string, line: number): boolean => {
    const fields = splitQuotedLine(lineText);
    if (fields === null) return reject(line, 'a double quote is not closed');
    if (fields.some((field) => field.includes(','))) return reject(line, 'a field holds a comma');
    const plain = fields.join(',');
    return row(plain, 0, plain.length, line);
  };

  const onLine = (text: string, s: number, e: number, line: number): boolean => {
    if (!headerSeen) {
      headerSeen = true;
      const header = text.slice(s, e).trim();
      if (header !== INTERVAL_CSV_HEADER) {
        throw malformed('IMPORT_HEADER', `the first line must be the header ${INTERVAL_CSV_HEADER}, got ${echo(header)}`);
      }
      return true;
    }
    if (s === e) return true;
    if (quoteText !== text || (nextQuote !== -1 && nextQuote < s)) {
      quoteText = text;
      nextQuote = text.indexOf('"', s);
    }
    if (nextQuote !== -1 && nextQuote < e) return quotedRow(text.slice(s, e), line);
    return row(text, s, e, line);
  };

  /** Asks the directory for the object and meter of every line from `start` on (a change of pair at a time), then loads them. */
  const prepare = async (text: string, start: number): Promise<void> => {
    let previous = '';
    for (let s = start; s < text.length;) {
      let e = text.indexOf('\n', s);
      const next = e === -1 ? text.length : e + 1;
      if (e === -1) e = text.length;
      const c1 = text.indexOf(',', s);
      const c2 = c1 === -1 || c1 >= e ? -1 : text.indexOf(',', c1 + 1);
      if (c2 !== -1 && c2 < e && !(c2 + 1 - s === previous.length && text.startsWith(previous, s))) {
        const quote = text.indexOf('"', s);
        if (quote !== -1 && quote < e) {
          const fields = splitQuotedLine(text.slice(s, e).replace(/\r$/, ''));
          if (fields !== null && fields.length >= 2) directory.find(fields[0], fields[1]);
        } else {
          directory.find(text.slice(s, c1), text.slice(c1 + 1, c2));
          previous = text.slice(s, c2 + 1);
        }
      }
      s = next;
    }
    await directory.load();
  };

  await readLines(input, onLine, () => store.flushIfFull(), prepare);
  if (!headerSeen) throw malformed('IMPORT_HEADER', `the file is empty: the first line must be the header ${INTERVAL_CSV_HEADER}`);
}
