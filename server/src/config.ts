import path from 'node:path';
import { z } from 'zod';

/** Defined (true) by server/build.mjs in the bundle that `npm start` and the Docker image run. */
declare const JUNHENG_BUNDLED: boolean | undefined;

/**
 * Without NODE_ENV the production bundle runs in production mode (issue #10: `npm start` ran in development mode) and
 * the TypeScript sources (`pnpm dev`, tests) in development mode.
 */
const DEFAULT_NODE_ENV = typeof JUNHENG_BUNDLED !== 'undefined' && JUNHENG_BUNDLED ? 'production' : 'development';

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default(DEFAULT_NODE_ENV),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('./.data'),
  /** Load the bundled demo county into an empty database. */
  DEMO_DATA: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted upload, per file, in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(512).default(25),
  /** Imports read and validated at once (each in a worker thread); more are answered 503 with Retry-After. */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  CLIENT_DIST: z.string().optional(),
  /** How long a report-cache version check is trusted; writes by this process invalidate at once. */
  REPORT_CACHE_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /**
   * How long who-is-this-session (or token) is remembered, so cached reports need no database query; changes made
   * through this server clear it at once, changes made elsewhere (CLI on the database, another server) show within it.
   */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Password of the `admin` created on first start; without it a random one is printed once. */
  ADMIN_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(120),
  /** Set when the app is served over HTTPS (behind a TLS proxy), so the session cookie is never sent in clear. */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Failed logins per user name and address before that address is locked out of the name. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins per user name from all addresses together before the name is locked for everyone. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(50),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Express "trust proxy" hops, so rate limits and the audit log see the client's address behind a proxy. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  maxUploadBytes: number;
  maxConcurrentImports: number;
  clientDist: string;
  reportCacheVersionTtlMs: number;
  adminPassword: string | undefined;
  auth: Readonly<{
    sessionTtlMs: number;
    sessionIdleMs: number;
    maxFailedLogins: number;
    maxAccountFailures: number;
    lockoutMs: number;
    cookieSecure: boolean;
    loginAttemptsPerWindow: number;
    principalCacheTtlMs: number;
  }>;
  trustProxy: number;
}>;

/** Parses the environment once; throws a readable list of the bad keys. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    maxConcurrentImports: e.IMPORT_CONCURRENCY,
    reportCacheVersionTtlMs: e.REPORT_CACHE_VERSION_TTL_MS,
    adminPassword: e.ADMIN_PASSWORD,
    auth: Object.freeze({
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      maxFailedLogins: e.LOGIN_MAX_FAILURES,
      maxAccountFailures: Math.max(e.LOGIN_MAX_FAILURES_PER_ACCOUNT, e.LOGIN_MAX_FAILURES),
      lockoutMs: e.LOGIN_LOCK_MINUTES * 60_000,
      cookieSecure: e.COOKIE_SECURE,
      loginAttemptsPerWindow: e.LOGIN_ATTEMPTS_PER_15_MIN,
      principalCacheTtlMs: e.AUTH_CACHE_TTL_MS,
    }),
    trustProxy: e.TRUST_PROXY,
    clientDist: path.resolve(e.CLIENT_DIST ?? path.join(import.meta.dirname, '../../client/dist')),
  });
}
