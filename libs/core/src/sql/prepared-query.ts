import type { DataSource } from 'typeorm';

/** A statement run on every request: a unique name per text, so each pooled connection prepares it once. */
export interface PreparedStatement {
  name: string;
  text: string;
}

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot read (the guard's user row, the lookup by credit code) as a named prepared statement
 * on the pool TypeORM already holds: each connection parses and plans it once and afterwards only
 * binds and executes, and the call skips TypeORM's query runner. Rows come back as from
 * `dataSource.query`. For reads outside a transaction only; errors are the driver's own (a lost
 * database is still recognised by `isDatabaseUnavailable`).
 */
export async function queryPrepared<T>(dataSource: DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  const result = await pool.query({ name: statement.name, text: statement.text, values });
  return result.rows as T[];
}
