import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the database's triggers notify on (migration 2026_11_23_1600_notify_session_changes). */
export const CHANGES_CHANNEL = 'up_changes';

/**
 * A change notification, or `null` when notifications may have been missed (the cross-process listener
 * lost its connection or has just connected): whoever caches must then forget everything.
 */
export type ChangeHandler = (payload: string | null) => void;

/**
 * Change notifications from the database, for in-process caches.
 *
 * A change this process commits is delivered before the committing query's promise resolves (the
 * connection that commits listens too, and PostgreSQL sends a listener its own notifications just before
 * it reports the commit), so this process never reads its own stale cache. A change another process
 * commits arrives a moment later on a dedicated listening connection.
 */
export interface DatabaseChanges {
  subscribe(handler: ChangeHandler): void;
  /** false while the cross-process listener is not connected: a cache must not be trusted then */
  readonly live: boolean;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;

export class PostgresChanges implements DatabaseChanges {
  readonly #handlers: ChangeHandler[] = [];
  #listener: pg.Client | null = null;
  #live = false;
  #closed = false;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #connecting: Promise<void> = Promise.resolve();

  /** the backends of this process's pooled connections: their notifications were delivered when they committed */
  readonly #ownBackends = new Set<number>();

  constructor(private readonly url: string, pool: pg.Pool) {
    // Every pooled connection listens, so a commit on it delivers its own notifications synchronously. Each
    // notification is emitted once: by the connection that committed it, or, when another process did, by the
    // listener (every connection that listens receives every notification).
    pool.on('connect', (client) => {
      const backend = backendOf(client);
      this.#ownBackends.add(backend);
      client.on('notification', (message) => {
        if (message.channel === CHANGES_CHANNEL && message.processId === backend) this.#emit(message.payload ?? null);
      });
      client.on('end', () => this.#ownBackends.delete(backend));
      client.query(`LISTEN ${CHANGES_CHANNEL}`).catch(() => undefined);
    });
    this.#connecting = this.#connectListener();
  }

  get live(): boolean {
    return this.#live;
  }

  subscribe(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    const listener = this.#listener;
    this.#listener = null;
    this.#setLive(false);
    await listener?.end().catch(() => undefined);
    await this.#connecting;
  }

  #emit(payload: string | null): void {
    for (const handler of this.#handlers) handler(payload);
  }

  #setLive(live: boolean): void {
    this.#live = live;
    this.#emit(null);
  }

  async #connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    const lost = () => {
      if (this.#listener !== client) return;
      this.#listener = null;
      this.#setLive(false);
      this.#scheduleReconnect();
    };
    client.on('error', (error) => {
      console.error(`database change listener lost: ${error.message}`);
      lost();
    });
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && !this.#ownBackends.has(message.processId)) this.#emit(message.payload ?? null);
    });
    this.#listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.#closed || this.#listener !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      this.#setLive(true);
    } catch (error) {
      if (this.#listener === client) {
        console.error(`database change listener could not connect: ${(error as Error).message}`);
        lost();
      }
      await client.end().catch(() => undefined);
    }
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnectTimer) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (!this.#closed) this.#connecting = this.#connectListener();
    }, RECONNECT_MS);
    this.#reconnectTimer.unref();
  }
}

/** The server process id of a connected client (node-postgres keeps it from the backend key data). */
function backendOf(client: pg.PoolClient): number {
  return (client as unknown as { processID: number }).processID;
}

/** PGlite is one in-process connection: every notification is delivered before its query resolves. */
export class PgliteChanges implements DatabaseChanges {
  readonly #handlers: ChangeHandler[] = [];
  readonly live = true;

  static async listen(pglite: PGlite): Promise<PgliteChanges> {
    const changes = new PgliteChanges();
    await pglite.listen(CHANGES_CHANNEL, (payload) => {
      for (const handler of changes.#handlers) handler(payload);
    });
    return changes;
  }

  subscribe(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }

  async close(): Promise<void> {}
}
