import { Tokenizer, TokenType } from '@streamparser/json';
import { AppError } from '../../infra/errors.js';
import { decimalProblem, guardedChunks, InstantParser, malformed, parseMilli, qualityOf, statusProblem } from './interval-csv.js';
import { echo, NONE, type IntervalStore, type MeterDirectory, type MeterLookup } from './interval-store.js';

/**
 * GRD-3: the JSON the Sadales tīkls data service `get-object-consumption` answers, read token by token from a
 * stream (never held whole):
 *   [{ "mpNr": <object EIC>, "mList": [{ "mNr": <meter number>, "cList": [{ "cDt", "cVR", "cVRSt", "cVV" }, …] }, …] }, …]
 * cDt is the END of the interval (the 00–01 hour comes as T01:00:00.000+02:00); the value is cVV (the billing
 * value) when present, else cVR (the value read), in kWh of import energy (A+); cVRSt the status letters. The
 * interval length is the spacing of a meter's consecutive cDt (15 or 60 minutes); a list of one entry takes
 * the given default (the route's intervalMinutes, 60 unless told).
 *
 * Broken JSON, a wrong top-level shape or containers of the wrong kind (mList or cList not arrays, their
 * elements not objects) refuse the whole file with a 400. A bad entry (cDt not an instant, a value that is no
 * decimal number, an unknown status, an unknown object or meter) is rejected with its index path.
 * Keys may come in any order: entries that arrive before their mpNr or mNr wait for them.
 */

const enum Role { Top, Element, MList, Meter, CList, Entry, Skip }
const enum Expect { KeyOrEnd, Key, Colon, Value, ValueOrEnd, CommaOrEnd }

/** The tokenizer keeps numbers as the text they were written in, so decimals are read exactly. */
class DecimalTextTokenizer extends Tokenizer {
  protected override parseNumber(numberText: string): number {
    return numberText as unknown as number;
  }
}

class Frame {
  role = Role.Skip;
  object = false;
  expect = Expect.Value;
  key = '';
  index = 0;
}

interface ElementState {
  eic: string | undefined;
  eicProblem: string | null;
  waiting: Group[];
}

interface QueuedEntry { k: number; cDt: string | undefined; value: string | null; valueField: string; status: string | null; problem: string | null }

class Group {
  number: string | undefined = undefined;
  numberProblem: string | null = null;
  meter: MeterLookup | undefined = undefined;
  minutes = 0;
  hasHeld = false;
  heldEndMs = 0;
  heldWh = 0;
  heldQuality = 0;
  heldK = 0;
  readonly queue: QueuedEntry[] = [];
  closed = false;
  finished = false;
  constructor(readonly id: number, readonly element: ElementState) {}
}

export interface SadalesJsonOptions {
  /** the interval length of a meter whose list has one entry */
  defaultMinutes: 15 | 60;
}

/** Reads the Sadales tīkls JSON into the store; `paths` receives the index path of each group id (for rejections). */
export async function readSadalesJson(
  input: AsyncIterable<Uint8Array | string>,
  directory: MeterDirectory,
  store: IntervalStore,
  paths: string[],
  options: SadalesJsonOptions,
): Promise<void> {
  const instants = new InstantParser();
  const frames: Frame[] = [];
  let depth = -1;
  let rootDone = false;
  let element: ElementState | null = null;
  let group: Group | null = null;
  const pending = new Set<Group>();
  // the entry being read
  let cDt: string | undefined;
  let cVR: string | null = null;
  let cVV: string | null = null;
  let cVRSt: string | null = null;
  let entryProblem: string | null = null;

  const pathOf = (upTo: number): string => {
    let path = '';
    for (let d = 0; d <= upTo; d++) {
      const frame = frames[d];
      if (frame.object) path += frame.key === '' ? '' : `.${frame.key}`;
      else path += `[${frame.index}]`;
    }
    return path;
  };
  const shape = (reason: string): AppError => malformed('IMPORT_JSON_SHAPE', reason);

  const ready = (g: Group): boolean => {
    if (g.meter !== undefined) return true;
    const el = g.element;
    if (el.eicProblem !== null) { g.meter = `mpNr: ${el.eicProblem}`; return true; }
    if (g.numberProblem !== null) { g.meter = `mNr: ${g.numberProblem}`; return true; }
    if (el.eic === undefined) {
      if (!el.waiting.includes(g)) el.waiting.push(g);
      return false;
    }
    if (g.number === undefined) return false;
    const found = directory.find(el.eic, g.number);
    if (found === undefined) return false;
    g.meter = found;
    return true;
  };

  const emit = (g: Group, endMs: number, wh: number, quality: number, k: number) => {
    store.add(g.meter as Exclude<MeterLookup, string>, endMs - g.minutes * 60_000, g.minutes, wh, NONE, quality, g.id, k);
  };

  const processEntry = (g: Group, k: number, at: string | undefined, value: string | null, valueField: string, status: string | null, problem: string | null) => {
    const meter = g.meter!;
    if (typeof meter === 'string') return store.reject(g.id, k, meter);
    if (problem !== null) return store.reject(g.id, k, problem);
    if (at === undefined) return store.reject(g.id, k, 'cDt: missing');
    const endMs = instants.parse(at, 0, at.length);
    if (endMs !== endMs) return store.reject(g.id, k, `cDt: ${echo(at)} is not an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T01:00:00.000+02:00`);
    let wh = NONE;
    if (value !== null && value !== '') {
      // A JSON number in exponent form (1e-3) as the plain decimal it is.
      if (/[eE]/.test(value) && Number.isFinite(Number(value))) value = String(Number(value));
      wh = parseMilli(value, 0, value.length, false);
      if (wh !== wh) return store.reject(g.id, k, `${valueField}: ${decimalProblem(value, false, 'kWh')}`);
    }
    const statusText = status ?? '';
    const quality = qualityOf(statusText, 0, statusText.length, wh !== NONE);
    if (quality === 0) return store.reject(g.id, k, `cVRSt: ${statusProblem(statusText)}`);
    if (g.minutes === 0) {
      if (!g.hasHeld) {
        g.hasHeld = true;
        g.heldEndMs = endMs;
        g.heldWh = wh;
        g.heldQuality = quality;
        g.heldK = k;
        return;
      }
      g.minutes = inferMinutes(Math.abs(endMs - g.heldEndMs), options.defaultMinutes);
      emit(g, g.heldEndMs, g.heldWh, g.heldQuality, g.heldK);
    }
    emit(g, endMs, wh, quality, k);
  };

  const drain = (g: Group) => {
    if (!ready(g)) {
      pending.add(g);
      return;
    }
    for (const q of g.queue) processEntry(g, q.k, q.cDt, q.value, q.valueField, q.status, q.problem);
    g.queue.length = 0;
    pending.delete(g);
    if (g.closed && !g.finished) {
      g.finished = true;
      if (g.hasHeld && g.minutes === 0) {
        g.minutes = options.defaultMinutes;
        emit(g, g.heldEndMs, g.heldWh, g.heldQuality, g.heldK);
      }
    }
  };

  const open = (role: Role, object: boolean) => {
    depth++;
    let frame = frames[depth];
    if (frame === undefined) frames[depth] = frame = new Frame();
    frame.role = role;
    frame.object = object;
    frame.expect = object ? Expect.KeyOrEnd : Expect.ValueOrEnd;
    frame.key = '';
    frame.index = 0;
    if (role === Role.Element) {
      element = { eic: undefined, eicProblem: null, waiting: [] };
    } else if (role === Role.Meter) {
      group = new Group(paths.length, element!);
      paths.push(pathOf(depth - 1));
    } else if (role === Role.Entry) {
      cDt = undefined;
      cVR = null;
      cVV = null;
      cVRSt = null;
      entryProblem = null;
    }
  };

  const close = () => {
    const frame = frames[depth];
    if (frame.role === Role.Entry) {
      const g = group!;
      const k = frames[depth - 1].index;
      const valueField = cVV !== null ? 'cVV' : 'cVR';
      const value = cVV !== null ? cVV : cVR;
      if (g.queue.length === 0 && ready(g)) {
        processEntry(g, k, cDt, value, valueField, cVRSt, entryProblem);
      } else {
        g.queue.push({ k, cDt, value, valueField, status: cVRSt, problem: entryProblem });
        pending.add(g);
      }
    } else if (frame.role === Role.Meter) {
      const g = group!;
      g.closed = true;
      if (g.number === undefined && g.numberProblem === null) g.numberProblem = 'missing';
      drain(g);
      group = null;
    } else if (frame.role === Role.Element) {
      const el = element!;
      if (el.eic === undefined && el.eicProblem === null) el.eicProblem = 'missing';
      for (const g of el.waiting) drain(g);
      el.waiting.length = 0;
      element = null;
    }
    depth--;
  };

  /** The role of a container that opens at the current position. */
  const childRole = (object: boolean): Role => {
    if (depth === -1) {
      if (object) throw shape('the file must be a JSON array [{ "mpNr", "mList" }, …], not an object');
      return Role.Top;
    }
    const parent = frames[depth];
    switch (parent.role) {
      case Role.Top:
        if (!object) throw shape(`${pathOf(depth)} must be an object { "mpNr", "mList" }`);
        return Role.Element;
      case Role.Element:
        if (parent.key === 'mList') {
          if (object) throw shape(`${pathOf(depth)} must be an array`);
          return Role.MList;
        }
        if (parent.key === 'mpNr') element!.eicProblem = 'must be a string';
        return Role.Skip;
      case Role.MList:
        if (!object) throw shape(`${pathOf(depth)} must be an object { "mNr", "cList" }`);
        return Role.Meter;
      case Role.Meter:
        if (parent.key === 'cList') {
          if (object) throw shape(`${pathOf(depth)} must be an array`);
          return Role.CList;
        }
        if (parent.key === 'mNr') group!.numberProblem = 'must be a string';
        return Role.Skip;
      case Role.CList:
        if (!object) throw shape(`${pathOf(depth)} must be an object { "cDt", "cVR", "cVRSt", "cVV" }`);
        return Role.Entry;
      case Role.Entry:
        if (['cDt', 'cVR', 'cVV', 'cVRSt'].includes(parent.key)) entryProblem = `${parent.key}: must be ${parent.key === 'cDt' || parent.key === 'cVRSt' ? 'a string' : 'a number'}`;
        return Role.Skip;
      default:
        return Role.Skip;
    }
  };

  const primitive = (token: TokenType, value: unknown) => {
    if (depth === -1) throw shape('the file must be a JSON array [{ "mpNr", "mList" }, …]');
    const parent = frames[depth];
    const text = token === TokenType.STRING || token === TokenType.NUMBER ? (value as string) : null;
    switch (parent.role) {
      case Role.Top:
        throw shape(`${pathOf(depth)} must be an object { "mpNr", "mList" }`);
      case Role.Element:
        if (parent.key === 'mpNr') {
          if (token === TokenType.STRING) element!.eic = text!;
          else element!.eicProblem = 'must be a string';
        } else if (parent.key === 'mList') {
          throw shape(`${pathOf(depth)} must be an array`);
        }
        return;
      case Role.MList:
        throw shape(`${pathOf(depth)} must be an object { "mNr", "cList" }`);
      case Role.Meter:
        if (parent.key === 'mNr') {
          if (text !== null) group!.number = text;
          else group!.numberProblem = 'must be a string';
        } else if (parent.key === 'cList') {
          throw shape(`${pathOf(depth)} must be an array`);
        }
        return;
      case Role.CList:
        throw shape(`${pathOf(depth)} must be an object { "cDt", "cVR", "cVRSt", "cVV" }`);
      case Role.Entry:
        switch (parent.key) {
          case 'cDt':
            if (token === TokenType.STRING) cDt = text!;
            else if (token !== TokenType.NULL) entryProblem = 'cDt: must be a string';
            return;
          case 'cVR':
          case 'cVV':
            if (text !== null) {
              if (parent.key === 'cVR') cVR = text;
              else cVV = text;
            } else if (token !== TokenType.NULL) {
              entryProblem = `${parent.key}: must be a number`;
            }
            return;
          case 'cVRSt':
            if (token === TokenType.STRING) cVRSt = text;
            else if (token !== TokenType.NULL) entryProblem = 'cVRSt: must be a string';
            return;
          default:
            return;
        }
      default:
    }
  };

  const beforeValue = () => {
    if (depth === -1) {
      if (rootDone) throw malformed('IMPORT_JSON', 'not valid JSON: there is more after the top-level array');
      return;
    }
    const frame = frames[depth];
    if (frame.object ? frame.expect !== Expect.Value : frame.expect !== Expect.Value && frame.expect !== Expect.ValueOrEnd) {
      throw malformed('IMPORT_JSON', `not valid JSON: a value is not expected at ${pathOf(depth)}`);
    }
  };
  const afterValue = () => {
    if (depth === -1) rootDone = true;
    else frames[depth].expect = Expect.CommaOrEnd;
  };
  const unexpected = (what: string): AppError =>
    malformed('IMPORT_JSON', `not valid JSON: unexpected ${what}${depth >= 0 ? ` at ${pathOf(depth)}` : ''}`);

  const tokenizer = new DecimalTextTokenizer();
  tokenizer.onToken = ({ token, value }) => {
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        beforeValue();
        const object = token === TokenType.LEFT_BRACE;
        open(childRole(object), object);
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET: {
        const frame = depth >= 0 ? frames[depth] : null;
        const object = token === TokenType.RIGHT_BRACE;
        if (frame === null || frame.object !== object) throw unexpected(object ? '}' : ']');
        if (object ? frame.expect !== Expect.KeyOrEnd && frame.expect !== Expect.CommaOrEnd : frame.expect !== Expect.ValueOrEnd && frame.expect !== Expect.CommaOrEnd) {
          throw unexpected(object ? '}' : ']');
        }
        close();
        afterValue();
        return;
      }
      case TokenType.COLON: {
        const frame = depth >= 0 ? frames[depth] : null;
        if (frame === null || !frame.object || frame.expect !== Expect.Colon) throw unexpected(':');
        frame.expect = Expect.Value;
        return;
      }
      case TokenType.COMMA: {
        const frame = depth >= 0 ? frames[depth] : null;
        if (frame === null || frame.expect !== Expect.CommaOrEnd) throw unexpected(',');
        if (frame.object) frame.expect = Expect.Key;
        else {
          frame.expect = Expect.Value;
          frame.index++;
        }
        return;
      }
      case TokenType.STRING: {
        const frame = depth >= 0 ? frames[depth] : null;
        if (frame !== null && frame.object && (frame.expect === Expect.KeyOrEnd || frame.expect === Expect.Key)) {
          frame.key = value as string;
          frame.expect = Expect.Colon;
          return;
        }
        beforeValue();
        primitive(token, value);
        afterValue();
        return;
      }
      default:
        beforeValue();
        primitive(token, value);
        afterValue();
    }
  };

  const afterChunk = async () => {
    if (pending.size > 0) {
      if (directory.wanted) await directory.load();
      for (const g of [...pending]) drain(g);
    }
    await store.flushIfFull();
  };

  const write = (chunk: Uint8Array | string | null) => {
    try {
      if (chunk === null) tokenizer.end();
      else tokenizer.write(chunk);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw malformed('IMPORT_JSON', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  let empty = true;
  for await (const chunk of guardedChunks(input)) {
    if (empty && (typeof chunk === 'string' ? chunk.trim() !== '' : chunk.some((byte) => byte !== 32 && byte !== 10 && byte !== 13 && byte !== 9))) empty = false;
    write(chunk);
    await afterChunk();
  }
  if (empty) throw malformed('IMPORT_JSON', 'the file is empty: expected a JSON array [{ "mpNr", "mList" }, …]');
  write(null);
  if (!rootDone) throw malformed('IMPORT_JSON', `not valid JSON: the file ends inside ${depth >= 0 ? pathOf(depth) || 'the top-level array' : 'a value'} (cut off?)`);
  await afterChunk();
  if (pending.size > 0) throw new Error('interval import: entries left unresolved');
}

/** The interval length from the spacing of two consecutive cDt: 15 or 60 minutes, a gap of whole hours or quarter-hours, else the default. */
export function inferMinutes(spacingMs: number, fallback: 15 | 60): 15 | 60 {
  const minutes = spacingMs / 60_000;
  if (minutes === 15 || minutes === 60) return minutes;
  if (minutes > 0 && minutes % 60 === 0) return 60;
  if (minutes > 0 && minutes % 15 === 0) return 15;
  return fallback;
}
