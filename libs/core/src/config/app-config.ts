import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  adminUsername: string;
  adminPassword?: string;
  jwtSecret?: string;
  jwtTtlSeconds: number;
  loginRateLimitPerMinute: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The address users reach the app at (PUBLIC_URL), when set */
  publicUrl?: string;
  /** True when PUBLIC_URL is https://: browsers are then told to upgrade requests and keep to HTTPS */
  servedOverHttps: boolean;
}

/** Thrown when an environment variable holds a value the app cannot run with. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Reads and validates the environment once at start; a bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const adminUsername = optional(env, 'ADMIN_USERNAME') ?? 'admin';
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(adminUsername)) {
    throw new ConfigError('ADMIN_USERNAME', 'must be 3–64 letters, digits, dot, dash or underscore');
  }
  const adminPassword = optional(env, 'ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 10 characters');
  }
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of debug, info, warn, error, got "${logLevel}"`);
  }
  const publicUrl = optional(env, 'PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', `must be an http:// or https:// address, got "${publicUrl}"`);
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(optional(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    adminUsername,
    adminPassword,
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 10000),
    logLevel,
    publicUrl,
    servedOverHttps: publicUrl?.startsWith('https://') ?? false,
  };
}
