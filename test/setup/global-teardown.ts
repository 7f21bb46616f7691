import { ENV_SERVER_URL, ENV_TEMPLATE, withAdminClient } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[ENV_SERVER_URL];
  const template = process.env[ENV_TEMPLATE];
  if (serverUrl && template) {
    await withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)).catch(() => undefined);
  }
  const embedded = (globalThis as Record<string, unknown>).__crEmbedded as { stop(): Promise<void> } | undefined;
  await embedded?.stop();
}
