import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settingsDoc } from './config.js';

const failure = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('has safe defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      nodeEnv: 'production', port: 3000, host: '0.0.0.0', dataDir: resolve('data'),
      database: { kind: 'sqlite', file: resolve('data', 'liaison.db') },
      logLevel: 'info', demo: true, trustProxy: false, sessionIdleMinutes: 30, sessionAbsoluteHours: 12, passwordMaxAgeDays: 180,
      lockoutThreshold: 5, lockoutMinutes: 15, rateLimitSignInPerMinute: 30, rateLimitPublicPerMinute: 60, bodyLimitBytes: 1024 * 1024,
    });
    expect(loadConfig({}).secret).toBeUndefined();
  });

  it('reads numbers and booleans from their text', () => {
    const c = loadConfig({ PORT: '8080', LIAISON_DEMO: 'no', TRUST_PROXY: '1', PASSWORD_MAX_AGE_DAYS: '0', DATA_DIR: '/srv/liaison' });
    expect(c).toMatchObject({ port: 8080, demo: false, trustProxy: true, passwordMaxAgeDays: 0, dataDir: '/srv/liaison' });
    expect(c.database).toEqual({ kind: 'sqlite', file: '/srv/liaison/liaison.db' });
  });

  it('chooses PostgreSQL for a postgres:// or postgresql:// URL, with the pool size', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/liaison' }).database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/liaison', poolSize: 10 });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/liaison', DATABASE_POOL_SIZE: '25' }).database).toEqual({ kind: 'postgres', url: 'postgresql://db/liaison', poolSize: 25 });
  });

  it('chooses SQLite for a sqlite: URL, resolving the file', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/liaison/x.db' }).database).toEqual({ kind: 'sqlite', file: '/var/lib/liaison/x.db' });
    expect(loadConfig({ DATABASE_URL: 'sqlite:rel/x.db' }).database).toEqual({ kind: 'sqlite', file: resolve('rel/x.db') });
  });

  it('refuses a bad PORT with a ConfigError that names the field', () => {
    for (const PORT of ['abc', '70000', '-1', '80.5']) {
      const err = failure({ PORT });
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toMatch(/^Invalid configuration:\n {2}PORT: /);
    }
  });

  it('lists every bad field at once', () => {
    const err = failure({ PORT: 'x', DATABASE_URL: 'mysql://db', LIAISON_SECRET: 'short', LIAISON_DEMO: 'maybe', LOG_LEVEL: 'loud' });
    const fields = err.message.split('\n').slice(1).map((l) => l.trim().split(':')[0]);
    expect(fields.sort()).toEqual(['DATABASE_URL', 'LIAISON_DEMO', 'LIAISON_SECRET', 'LOG_LEVEL', 'PORT']);
    expect(err.message).toContain('DATABASE_URL: must start with postgres:// or sqlite:');
    expect(err.message).toContain('LIAISON_SECRET: at least 32 characters');
  });

  it('documents every setting it reads', () => {
    expect(settingsDoc).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'LIAISON_DEMO', 'LIAISON_SECRET', 'PASSWORD_MAX_AGE_DAYS', 'RATE_LIMIT_SIGNIN_PER_MINUTE']));
  });
});
