import { mkdirSync } from 'node:fs';
import { loadOperatorProfile, type OperatorProfile } from '@up/operators';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openPglite, openPostgres, type OpenDatabase } from '../infra/db.js';

/**
 * The database and operator of a command-line tool, opened the way the server opens them: DATABASE_URL, or the
 * embedded PGlite in DATA_DIR (default ./data/<OPERATOR>), migrated. Close the database when done.
 */
export async function openCommandDatabase(env: NodeJS.ProcessEnv): Promise<{ database: OpenDatabase; operator: OperatorProfile }> {
  const config = loadConfig(env);
  const operator = loadOperatorProfile(config.operatorId);
  let database: OpenDatabase;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl, 2);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    database = await openPglite({ dataDir: config.dataDir });
  }
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return { database, operator };
}
