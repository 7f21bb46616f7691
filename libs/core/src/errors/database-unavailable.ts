const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Connection is not established|Cannot use a pool after calling end/i;

/**
 * Whether an error means PostgreSQL cannot be reached right now (refused, reset, shutting down,
 * starting up), as opposed to a bug: such requests answer 503 and succeed again once it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, hops = 0; e && hops < 4; hops++) {
    const code = typeof e.code === 'string' ? e.code : '';
    // SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash, cannot connect now)
    if (NETWORK_CODES.has(code) || /^08...$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}
