import { describe, expect, it } from '@jest/globals';
import { findFreePort } from '@sessionops/testing';
import { runChild, runInProcess } from './support/capture-io.js';

describe('sessionctl exit codes and errors', () => {
  it('answers an unreachable Redis with exit 1 within 5 seconds, naming the URL without its password', async () => {
    const port = await findFreePort();
    const url = `redis://operator:s3cret@127.0.0.1:${port}`;

    const run = await runChild(['sessions', 'list', '--json'], { REDIS_URL: url });

    expect(run.exitCode).toBe(1);
    // The connect budget is 2.5 s; the rest of the 5 s the issue allows covers starting Node on a busy machine.
    expect(run.elapsedMs).toBeLessThan(5_000);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'REDIS_UNAVAILABLE',
        message: expect.stringContaining(`Redis at redis://operator:***@127.0.0.1:${port} did not answer`),
        hint: expect.any(String),
      },
    });
    expect(run.stderr).toBe(`redis: redis://operator:***@127.0.0.1:${port}\n`);
    expect(run.stdout + run.stderr).not.toContain('s3cret');
  });

  it('explains an unreachable Redis in words without --json', async () => {
    const port = await findFreePort();

    const run = await runInProcess(['users', 'show', 'a@example.com', '--connect-timeout-ms', '300'], {
      env: { REDIS_URL: `redis://127.0.0.1:${port}` },
    });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error: Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms/);
    expect(run.stderr).toMatch(/hint: /);
  });

  it('exits 2 with the envelope for a malformed option value', async () => {
    const run = await runInProcess(['sessions', 'list', '--limit', '-5', '--json']);

    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'USAGE' });
  });

  it('exits 2 when --json and --ndjson are combined', async () => {
    const run = await runInProcess(['sessions', 'list', '--json', '--ndjson']);

    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/cannot be used together/);
  });

  it('exits 2 for an invalid --redis URL and never echoes its password', async () => {
    const run = await runInProcess(['doctor', '--redis', 'http://user:pw@example.com', '--json']);

    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/--redis must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(run.stdout).not.toContain(':pw@');
  });

  it('exits 1 with CONFIG_INVALID for an invalid environment variable', async () => {
    const run = await runInProcess(['sessions', 'list', '--json'], { env: { REDIS_URL: 'not a url' } });

    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/REDIS_URL/),
    });
  });

  it('exits 2 when a noun is given without a verb', async () => {
    const run = await runInProcess(['sessions']);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/Usage: sessionctl sessions/);
  });
});
