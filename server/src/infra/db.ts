import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import pg from 'pg';
import { createHash } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { PgliteChanges, PostgresChanges, type DatabaseChanges } from './database-changes.js';

export type Db = Kysely<Database>;

export interface OpenDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** change notifications from the database's triggers, for in-process caches */
  changes: DatabaseChanges;
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
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, Client: PreparingClient });
  // A connection the server ends (restart, failover, admin command) must not crash the process: pg emits
  // 'error' on the pool for idle clients and on the client itself while it is closing. The pool drops
  // broken clients and opens new ones; we only log.
  const logConnectionError = (error: Error) => console.error(`database connection lost: ${error.message}`);
  pool.on('error', logConnectionError);
  pool.on('connect', (client) => client.on('error', logConnectionError));
  const changes = new PostgresChanges(url, pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    changes,
    close: async () => {
      await changes.close();
      await db.destroy();
    },
  };
}

/**
 * Runs Kysely's parameterised queries as named prepared statements, so PostgreSQL parses and plans each
 * query text once per connection instead of on every request (on the dashboard summary this cut the
 * database CPU per request by three quarters; see docs/BENCHMARKS.md). Queries without parameters
 * (migrations, multi-statement scripts) keep the simple protocol. Each connection prepares at most
 * MAX_PREPARED_PER_CONNECTION texts; further ones run unprepared, so queries with a varying shape
 * (`in (…)` lists of any length) cannot grow the server's memory without bound.
 * Operations note: a migration that changes a table's columns makes prepared `select *` statements of
 * older processes fail ("cached plan must not change result type") until they restart.
 */
const MAX_PREPARED_PER_CONNECTION = 200;

class PreparingClient extends pg.Client {
  readonly #statementNames = new Map<string, string>();

  // pg's query() has many overloads; Kysely calls query(text, values) and uses the returned promise.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const parameterised = typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2;
    const name = parameterised ? this.#statementName(text) : null;
    const call = super.query as (...params: unknown[]) => never;
    return name ? call.call(this, { name, text, values }) : call.apply(this, args);
  }

  #statementName(text: string): string | null {
    const known = this.#statementNames.get(text);
    if (known || this.#statementNames.size >= MAX_PREPARED_PER_CONNECTION) return known ?? null;
    const name = `up_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.#statementNames.set(text, name);
    return name;
  }
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<OpenDatabase & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    parsers: pgliteParsers,
  });
  const changes = await PgliteChanges.listen(pglite);
  const dialect = new SerializedPGliteDialect(pglite);
  const db = new Kysely<Database>({ dialect });
  return { db, kind: 'pglite', pglite, changes, close: () => db.destroy() };
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
