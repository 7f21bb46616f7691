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
