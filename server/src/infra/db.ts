import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.js';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Both drivers return the same JS types: int8 as number (cents and counts stay far below 2^53),
// date as 'YYYY-MM-DD' strings (a date has no time zone; turning it into a Date would add one).
const INT8 = 20;
const DATE = 1082;
pg.types.setTypeParser(INT8, (value) => Number(value));
pg.types.setTypeParser(DATE, (value) => value);
const pgliteParsers = { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value };

export function openPostgres(url: string, maxConnections = 10): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // A connection the server ends (restart, failover, admin command) must not crash the process: pg emits
  // 'error' on the pool for idle clients and on the client itself while it is closing. The pool drops
  // broken clients and opens new ones; we only log.
  const logConnectionError = (error: Error) => console.error(`database connection lost: ${error.message}`);
  pool.on('error', logConnectionError);
  pool.on('connect', (client) => client.on('error', logConnectionError));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<OpenDatabase & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
  });
  const dialect = new SerializedPGliteDialect(pglite);
  const db = new Kysely<Database>({ dialect });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}

/**
 * PGlite is one connection. Kysely's PGlite driver hands that connection to every caller at once,
 * so a query of one request could run inside another request's open transaction. This wrapper lets
 * one caller hold the connection at a time, as a pool of size one would.
 */
class SerializedPGliteDialect extends PGliteDialect {
  constructor(pglite: PGlite) {
    super({ pglite });
  }
  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver());
  }
}

class SerializedDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  constructor(private readonly inner: Driver) {}

  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = null;
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint: Driver['savepoint'] = (connection, name, compile) => this.inner.savepoint!(connection, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!(connection, name, compile);
  destroy() {
    return this.inner.destroy();
  }
}
