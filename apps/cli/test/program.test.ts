import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runChild, runInProcess } from './support/capture-io.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('sessionctl', () => {
  it('prints help with the exit codes on stdout and exits 0', async () => {
    const run = await runInProcess(['--help']);

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Usage: sessionctl/);
    expect(run.stdout).toMatch(/Exit codes:\n\s+0\s+success\n\s+1\s+operational failure.*\n\s+2\s+usage error/);
    expect(run.stderr).toBe('');
  });

  it('prints the package version and exits 0', async () => {
    const run = await runInProcess(['--version']);

    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runInProcess(['frobnicate']);

    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error:/);
  });

  it('answers --help and --version as a real process', async () => {
    const help = await runChild(['--help']);
    const version = await runChild(['--version']);

    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:/);
    expect(version.exitCode).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);
  });
});
