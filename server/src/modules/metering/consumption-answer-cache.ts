import type { DatabaseChanges } from '../../infra/database-changes.js';

/**
 * GRD-3, issue 11: finished JSON answers of the consumption route kept in process memory, so a customer who asks
 * again for a past period (the chart page asks each time it is opened, a browser revalidates) is answered from
 * memory instead of reading and summing a year of data again.
 *
 * What an answer is made of, and how each is kept current:
 *  - the customer's windows on the object, its meters, the stored days and the spot prices: every statement that
 *    writes object_holdings, meters, interval_days or spot_prices notifies `metering` when it commits (migration
 *    2026_12_08_0100), and each notification drops every entry. A change this process commits is delivered
 *    before the committing query returns; another process's a moment later (database-changes.ts). While the
 *    cross-process listener is down nothing is kept. An answer read before a change and finished after it is not
 *    kept (the generation, as in the session cache).
 *  - the time: only periods that have ended are kept (a period still running ends its visible part at "now"),
 *    and "data available until" depends on the time only through interval ends, which fall on quarter-hours: an
 *    entry is for the quarter-hour it was computed in.
 *  - who asks: the route's session check (customer membership, GRD-1) runs before the cache is asked; an entry is
 *    the customer's own (its id is in the key), and the windows it was computed from are dropped with it.
 * Bounded by bytes (the answers' JSON; a gzip copy made for browsers adds about a quarter); the least recently
 * used entry goes first.
 */
export interface CachedAnswer {
  etag: string;
  body: Buffer;
}

interface Entry {
  answer: CachedAnswer;
  quarterHour: number;
}

export const QUARTER_HOUR_MS = 900_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export class ConsumptionAnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #computing = new Map<string, { generation: number; quarterHour: number; answer: Promise<CachedAnswer> }>();
  readonly #maxBytes: number;
  #bytes = 0;
  /** counts changes; an answer read before one must not be kept */
  #generation = 0;
  hits = 0;

  constructor(private readonly changes: DatabaseChanges, options: { maxBytes?: number } = {}) {
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    changes.subscribe((payload) => {
      if (payload === null || payload === '*' || payload === 'metering') this.#clear();
    });
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * An answer that is not kept, computed now — once for all the requests that ask for it meanwhile (after an import
   * every chart asks again at once) — and kept unless something changed or the quarter-hour turned meanwhile.
   */
  async computeOnce(key: string, now: Date, clock: () => Date, compute: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    if (this.#maxBytes === 0) return compute(); // a cache that keeps nothing shares nothing either (the benchmark's reference)
    const quarterHour = quarterHourOf(now);
    const underWay = this.#computing.get(key);
    if (underWay && underWay.generation === this.#generation && underWay.quarterHour === quarterHour) return underWay.answer;
    const started = { generation: this.#generation, quarterHour, answer: compute() };
    this.#computing.set(key, started);
    try {
      const answer = await started.answer;
      if (quarterHourOf(clock()) === quarterHour) this.set(key, answer, now, started.generation);
      return answer;
    } finally {
      if (this.#computing.get(key) === started) this.#computing.delete(key);
    }
  }

  get(key: string, now: Date): CachedAnswer | null {
    const entry = this.#entries.get(key);
    if (!entry || entry.quarterHour !== quarterHourOf(now) || !this.changes.live) {
      if (entry) this.#delete(key, entry);
      return null;
    }
    // most recently used goes last (Maps keep insertion order)
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry.answer;
  }

  /** Keeps an answer computed at `computedAt`, unless something changed since `generationBefore` or it is too big to keep. */
  set(key: string, answer: CachedAnswer, computedAt: Date, generationBefore: number): void {
    if (generationBefore !== this.#generation || !this.changes.live || answer.body.byteLength > this.#maxBytes / 4) return;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.#entries.set(key, { answer, quarterHour: quarterHourOf(computedAt) });
    this.#bytes += answer.body.byteLength;
    while (this.#bytes > this.#maxBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry];
      this.#delete(oldestKey, oldest);
    }
  }

  #clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.answer.body.byteLength;
  }
}

export function quarterHourOf(time: Date): number {
  return Math.floor(time.getTime() / QUARTER_HOUR_MS);
}
