import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting Liaison reads. This file is the only reader of process.env. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LIAISON_DEMO: bool.default(true),
  LIAISON_DEMO_ACTIVITY: bool.default(true),
  LIAISON_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PUBLIC_URL: z.url().optional(),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(200 * 1024 * 1024).default(10 * 1024 * 1024),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_FROM: z.string().min(3).default('Liaison <liaison@localhost>'),
  MAP_TILE_URL: z.string().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, 'a tile URL template with {z}, {x} and {y}').optional(),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  logLevel: string;
  demo: boolean;
  /** With the demo district, also two months of cases run through the case engine (off in tests). */
  demoActivity: boolean;
  secret?: string;
  publicUrl?: string;
  webDistDir?: string;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  rateLimitSignInPerMinute: number;
  rateLimitPublicPerMinute: number;
  bodyLimitBytes: number;
  fileMaxBytes: number;
  /** The most rows one list export may hold (case ledger): above it the export is refused with EXPORT_TOO_LARGE. */
  exportMaxRows: number;
  smtp?: { url: string; from: string };
  mapTileUrl?: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && url.startsWith('postgres')
      ? { kind: 'postgres', url, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'sqlite', file: url ? resolve(url.slice('sqlite:'.length)) : resolve(dataDir, 'liaison.db') };
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    logLevel: e.LOG_LEVEL,
    demo: e.LIAISON_DEMO,
    demoActivity: e.LIAISON_DEMO_ACTIVITY,
    secret: e.LIAISON_SECRET,
    publicUrl: e.PUBLIC_URL,
    webDistDir: e.WEB_DIST_DIR,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    rateLimitSignInPerMinute: e.RATE_LIMIT_SIGNIN_PER_MINUTE,
    rateLimitPublicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    fileMaxBytes: e.FILE_MAX_BYTES,
    exportMaxRows: e.EXPORT_MAX_ROWS,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    mapTileUrl: e.MAP_TILE_URL,
  };
}

/** The documented settings, for README and `liaison --help`. */
export const settingsDoc = Object.keys(envSchema.shape);
