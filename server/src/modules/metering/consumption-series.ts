import type { Consumption, ConsumptionTotals, IntervalSeries, Resolution } from '@up/common/contracts/metering';
import { JsonWriter } from './json-writer.js';

/**
 * A consumption answer's series (GRD-3) as it is summed: parallel typed arrays, NaN where the contract has null
 * ("no value", never zero). The JSON answer is written straight from them (writeConsumptionJson), the contract's
 * arrays (IntervalSeries) are made only for the downloads and for callers inside the server.
 */
export class Series {
  count = 0;
  /** Unix seconds (UTC) */
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly importWh: Float64Array;
  readonly exportWh: Float64Array;
  quality = '';
  readonly missing: Uint32Array;
  readonly spotEurPerMwh: Float64Array;
  readonly spotValueCents: Float64Array;

  constructor(capacity: number) {
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.importWh = new Float64Array(capacity);
    this.exportWh = new Float64Array(capacity);
    this.missing = new Uint32Array(capacity);
    this.spotEurPerMwh = new Float64Array(capacity);
    this.spotValueCents = new Float64Array(capacity);
  }

  toIntervalSeries(): IntervalSeries {
    const n = this.count;
    const plain = (values: Float64Array | Uint32Array) => Array.from(values.subarray(0, n));
    const nullable = (values: Float64Array) => Array.from(values.subarray(0, n), (value) => (Number.isNaN(value) ? null : value));
    return {
      start: plain(this.start),
      end: plain(this.end),
      importWh: nullable(this.importWh),
      exportWh: nullable(this.exportWh),
      quality: this.quality,
      missing: plain(this.missing),
      spotEurPerMwh: nullable(this.spotEurPerMwh),
      spotValueCents: nullable(this.spotValueCents),
    };
  }

  writeJson(out: JsonWriter): void {
    const n = this.count;
    out.raw('{"start":').numbers(this.start, n)
      .raw(',"end":').numbers(this.end, n)
      .raw(',"importWh":').numbers(this.importWh, n)
      .raw(',"exportWh":').numbers(this.exportWh, n)
      .raw(',"quality":').value(this.quality)
      .raw(',"missing":').numbers(this.missing, n)
      .raw(',"spotEurPerMwh":').numbers(this.spotEurPerMwh, n)
      .raw(',"spotValueCents":').numbers(this.spotValueCents, n)
      .raw('}');
  }
}

/** A consumption answer with its series as summed (the contract's Consumption, see toConsumption). */
export interface ConsumptionAnswer {
  objectId: string;
  from: string;
  to: string;
  resolution: Resolution;
  visibleFrom: string | null;
  visibleUntil: string | null;
  dataAvailableUntil: string | null;
  intervals: Series;
  dailyTotals: Series;
  monthlyTotals: Series;
  totals: ConsumptionTotals;
}

export function toConsumption(answer: ConsumptionAnswer): Consumption {
  const intervals = answer.intervals.toIntervalSeries();
  return {
    objectId: answer.objectId,
    from: answer.from,
    to: answer.to,
    resolution: answer.resolution,
    timeZone: 'Europe/Riga',
    visibleFrom: answer.visibleFrom,
    visibleUntil: answer.visibleUntil,
    dataAvailableUntil: answer.dataAvailableUntil,
    intervals,
    dailyTotals: answer.dailyTotals === answer.intervals ? intervals : answer.dailyTotals.toIntervalSeries(),
    monthlyTotals: answer.monthlyTotals === answer.intervals ? intervals : answer.monthlyTotals.toIntervalSeries(),
    totals: answer.totals,
  };
}

/** The bytes of JSON.stringify(toConsumption(answer)), written without making it (consumption-pieces.test.ts). */
export function writeConsumptionJson(answer: ConsumptionAnswer): Buffer {
  const entries = answer.intervals.count + answer.dailyTotals.count + answer.monthlyTotals.count;
  const out = new JsonWriter(1024 + entries * 48);
  out.raw('{"objectId":').value(answer.objectId)
    .raw(',"from":').value(answer.from)
    .raw(',"to":').value(answer.to)
    .raw(',"resolution":').value(answer.resolution)
    .raw(',"timeZone":"Europe/Riga","visibleFrom":').value(answer.visibleFrom)
    .raw(',"visibleUntil":').value(answer.visibleUntil)
    .raw(',"dataAvailableUntil":').value(answer.dataAvailableUntil)
    .raw(',"intervals":');
  answer.intervals.writeJson(out);
  out.raw(',"dailyTotals":');
  answer.dailyTotals.writeJson(out);
  out.raw(',"monthlyTotals":');
  answer.monthlyTotals.writeJson(out);
  out.raw(',"totals":').value(answer.totals).raw('}');
  return out.bytes();
}
