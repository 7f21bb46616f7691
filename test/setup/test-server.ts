import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Facts the global setup hands to every test file through the environment. */
export const ENV_SERVER_URL = 'CR_TEST_SERVER_URL';
export const ENV_TEMPLATE = 'CR_TEST_TEMPLATE_DB';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const randomName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/**
 * A migrated database of the calling test file's own (a copy of the template), with one client connected
 * for the file's tests; dropped after them. Call at the top of a `describe`; the returned function gives the client.
 */
export function ownMigratedDatabase(prefix: string): () => Client {
  const database = randomName(prefix);
  let client: Client;
  beforeAll(async () => {
    await withAdminClient(process.env[ENV_SERVER_URL]!, (c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${process.env[ENV_TEMPLATE]}`));
    client = new Client({ connectionString: databaseUrl(process.env[ENV_SERVER_URL]!, database) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await withAdminClient(process.env[ENV_SERVER_URL]!, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });
  return () => client;
}
