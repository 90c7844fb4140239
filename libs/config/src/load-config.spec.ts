import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config.errors.js';
import { loadConfig } from './load-config.js';

const SECRET = 'x'.repeat(32);

describe(loadConfig.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const { config } = loadConfig({});

    expect(config.http.port).toBe(3000);
    expect(config.redis.url).toBeUndefined();
    expect(config.redis.keyPrefix).toBe('sessionops:');
    expect(config.jwt.accessTtlSeconds).toBe(900);
    expect(config.jwt.refreshReuseGraceMs).toBe(2000);
    expect(config.session).toEqual({
      idleTtlSeconds: 1_209_600,
      maxLifetimeSeconds: 2_592_000,
      touchIntervalSeconds: 60,
      maxPerUser: 10,
    });
  });

  it('generates a random secret in development and warns about it', () => {
    const first = loadConfig({});
    const second = loadConfig({});

    expect(first.config.jwt.secretGenerated).toBe(true);
    expect(first.config.jwt.secrets[0]).not.toBe(second.config.jwt.secrets[0]);
    expect(first.warnings.join('\n')).toMatch(/JWT_SECRET is not set/);
  });

  it('refuses to start in production without a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required/);
  });

  it('splits a comma-separated secret list, the first one signing', () => {
    const { config } = loadConfig({ JWT_SECRET: `${SECRET}a, ${SECRET}b` });

    expect(config.jwt.secrets).toEqual([`${SECRET}a`, `${SECRET}b`]);
    expect(config.jwt.secretGenerated).toBe(false);
  });

  it('reports every invalid variable together', () => {
    const env = { PORT: 'eighty', JWT_SECRET: 'short', REDIS_URL: 'http://example', SESSION_MAX_PER_USER: '0' };

    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).problems.map((problem) => problem.variable).sort();
    expect(variables).toEqual(['JWT_SECRET', 'PORT', 'REDIS_URL', 'SESSION_MAX_PER_USER']);
  });

  it('accepts rediss:// URLs with ACL credentials', () => {
    const { config } = loadConfig({ REDIS_URL: 'rediss://ops:pa55@cache.internal:6380/2' });

    expect(config.redis.url).toBe('rediss://ops:pa55@cache.internal:6380/2');
  });

  it('reads TRUST_PROXY as a hop count, a flag or an address list', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).config.http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).config.http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).config.http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({}).config.http.trustProxy).toBe(false);
  });
});
