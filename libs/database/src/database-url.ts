import { AppConfig } from '@app/core';

import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded/embedded-postgres';

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL in DATA_DIR that the caller must stop
 * (`handlesSignals`: the caller stops it on SIGINT/SIGTERM itself, see startEmbeddedPostgres).
 */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void, options: { handlesSignals?: boolean } = {}): Promise<EmbeddedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${config.dataDir}/pg`);
  return startEmbeddedPostgres(config.dataDir, log, options);
}
