import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort, startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import type { DoctorReport } from '../src/services/doctor.service.js';
import { runChild, runInProcess } from './support/capture-io.js';

function statusOf(report: DoctorReport, name: string): string | undefined {
  return report.checks.find((check) => check.name === name)?.status;
}

describe('sessionctl doctor', () => {
  let evicting: RedisServerHandle;
  let persistent: RedisServerHandle;

  beforeAll(async () => {
    [evicting, persistent] = await Promise.all([
      startRedisServer({ args: ['--maxmemory-policy', 'allkeys-lru'] }),
      // Later arguments win over the harness's `--appendonly no`.
      startRedisServer({ args: ['--appendonly', 'yes'] }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([evicting.stop(), persistent.stop()]);
  });

  it('warns that allkeys-lru may evict sessions and that nothing is persisted, and still exits 0', async () => {
    const run = await runInProcess(['doctor', '--redis', evicting.url]);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/! maxmemory-policy\s+allkeys-lru: Redis may evict session keys/);
    expect(run.stdout).toMatch(/! persistence\s+neither AOF nor RDB is on/);
    expect(run.stdout).toMatch(/✓ redis version\s+\d+\.\d+/);
    expect(run.stderr).toBe(`redis: ${evicting.url}\n`);
  });

  it('reports every check as JSON', async () => {
    const run = await runInProcess(['doctor', '--json', '--redis', evicting.url]);

    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report.ok).toBe(true);
    expect(report.redis).toBe(evicting.url);
    expect(statusOf(report, 'redis reachable')).toBe('ok');
    expect(statusOf(report, 'redis version')).toBe('ok');
    expect(statusOf(report, 'maxmemory-policy')).toBe('warn');
    expect(statusOf(report, 'persistence')).toBe('warn');
    expect(statusOf(report, 'configuration')).toBe('ok');
  });

  it('finds no fault with noeviction and AOF', async () => {
    const run = await runInProcess(['doctor', '--json'], { env: { REDIS_URL: persistent.url } });

    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(run.exitCode).toBe(0);
    expect(report.checks.map((check) => check.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(report.checks.find((check) => check.name === 'persistence')?.message).toBe('AOF is on');
  });

  it('warns about lifetimes that contradict each other', async () => {
    const env = { SESSION_IDLE_TTL_SECONDS: '7200', SESSION_MAX_LIFETIME_SECONDS: '3600' };
    const run = await runInProcess(['doctor', '--json', '--redis', persistent.url], { env });

    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(run.exitCode).toBe(0);
    const configuration = report.checks.filter((check) => check.name === 'configuration');
    expect(configuration).toEqual([
      expect.objectContaining({ status: 'warn', message: expect.stringMatching(/SESSION_IDLE_TTL_SECONDS exceeds/) }),
    ]);
  });

  it('fails with exit 1 and the error envelope when a lifetime is invalid', async () => {
    const env = { SESSION_MAX_LIFETIME_SECONDS: '60', AUTH_ACCESS_TTL_SECONDS: '900' };
    const run = await runInProcess(['doctor', '--json', '--redis', persistent.url], { env });

    const report = JSON.parse(run.stdout) as DoctorReport & { error: { code: string } };
    expect(run.exitCode).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.error.code).toBe('CHECK_FAILED');
    expect(statusOf(report, 'configuration')).toBe('fail');
    // Redis itself was still checked.
    expect(statusOf(report, 'redis version')).toBe('ok');
  });

  it('fails the reachability check within 5 seconds when nothing listens, as a real process', async () => {
    const port = await findFreePort();

    const run = await runChild(['doctor', '--redis', `redis://ops:hunter2@127.0.0.1:${port}`]);

    expect(run.exitCode).toBe(1);
    // Budget: 2.5 s connect window plus process start-up; the issue allows 5 s.
    expect(run.elapsedMs).toBeLessThan(5_000);
    expect(run.stdout).toMatch(/✗ redis reachable\s+Redis at redis:\/\/ops:\*\*\*@127\.0\.0\.1:\d+ did not answer/);
    expect(run.stdout + run.stderr).not.toContain('hunter2');
  });
});
