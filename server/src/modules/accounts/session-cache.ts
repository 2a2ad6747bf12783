import type { DatabaseChanges } from '../../infra/database-changes.js';
import type { SessionUser } from './sessions.service.js';

export interface SessionCacheOptions {
  /** an entry is read again from the database after this long, whatever happened */
  maxAgeMs: number;
  maxEntries: number;
}

const DEFAULTS: SessionCacheOptions = { maxAgeMs: 30_000, maxEntries: 50_000 };

interface Entry {
  session: SessionUser;
  today: string;
  loadedAt: number;
}

/**
 * The session check of every request (session, user, membership in the customer asked about, terms
 * accepted) kept in process memory, so a page's many requests cost one database read instead of one each.
 *
 * ACC-13 (access ends at once) still holds: the database's triggers notify every change to what a session
 * check reads, and each notification drops the user's entries here — for a change this process makes,
 * before the change's own query returns; for another process's change, as soon as the notification
 * arrives (milliseconds). While the cross-process listener is down nothing is cached at all.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #keysByUser = new Map<string, Set<string>>();
  readonly #reading = new Map<string, { generation: number; read: Promise<SessionUser | null> }>();
  readonly #options: SessionCacheOptions;
  /** counts invalidations; a read that started before one must not be stored */
  #generation = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly changes: DatabaseChanges, options: Partial<SessionCacheOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
    changes.subscribe((payload) => this.#onChange(payload));
  }

  get generation(): number {
    return this.#generation;
  }

  /** false while changes made by other processes could go unnoticed; nothing is cached then */
  get live(): boolean {
    return this.changes.live;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(idHash: string, customerId: string | null, now: Date, today: string): SessionUser | null {
    const key = keyOf(idHash, customerId);
    const entry = this.#entries.get(key);
    const age = entry ? now.getTime() - entry.loadedAt : 0;
    if (!entry || entry.today !== today || age < 0 || age > this.#options.maxAgeMs || !this.changes.live) {
      if (entry) this.#delete(key, entry);
      this.misses++;
      return null;
    }
    this.hits++;
    return entry.session;
  }

  /**
   * One database read per key at a time: requests that miss together (an entry of a busy session expires)
   * share the read that is under way, unless something changed since it began.
   */
  readOnce(idHash: string, customerId: string | null, read: () => Promise<SessionUser | null>): Promise<SessionUser | null> {
    const key = keyOf(idHash, customerId);
    const underWay = this.#reading.get(key);
    if (underWay && underWay.generation === this.#generation) return underWay.read;
    const started = { generation: this.#generation, read: read() };
    this.#reading.set(key, started);
    const done = () => {
      if (this.#reading.get(key) === started) this.#reading.delete(key);
    };
    started.read.then(done, done);
    return started.read;
  }

  /** Stores what was read from the database, unless something changed since `generationBefore`. */
  set(idHash: string, customerId: string | null, session: SessionUser, now: Date, today: string, generationBefore: number): void {
    if (generationBefore !== this.#generation || !this.changes.live) return;
    if (this.#entries.size >= this.#options.maxEntries) this.#evictOldest();
    const key = keyOf(idHash, customerId);
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.#entries.set(key, { session, today, loadedAt: now.getTime() });
    let keys = this.#keysByUser.get(session.userId);
    if (!keys) this.#keysByUser.set(session.userId, (keys = new Set()));
    keys.add(key);
  }

  forget(idHash: string, customerId: string | null): void {
    const key = keyOf(idHash, customerId);
    const entry = this.#entries.get(key);
    if (entry) this.#delete(key, entry);
  }

  #clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#keysByUser.clear();
  }

  #onChange(payload: string | null): void {
    if (payload === null || payload === '*') {
      this.#clear();
    } else if (payload.startsWith('user:')) {
      this.#generation++;
      const userId = payload.slice('user:'.length);
      for (const key of this.#keysByUser.get(userId) ?? []) this.#entries.delete(key);
      this.#keysByUser.delete(userId);
    }
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    const keys = this.#keysByUser.get(entry.session.userId);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByUser.delete(entry.session.userId);
  }

  /** Maps keep insertion order, so the first entry is the oldest one stored. */
  #evictOldest(): void {
    const first = this.#entries.entries().next();
    if (!first.done) this.#delete(first.value[0], first.value[1]);
  }
}

function keyOf(idHash: string, customerId: string | null): string {
  return `${idHash}|${customerId ?? ''}`;
}
