import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo, TextSink } from '../../src/cli-io.js';
import { runCli } from '../../src/run-cli.js';

/** An in-memory sink that records everything written to it. */
export class CapturedSink implements TextSink {
  text = '';

  constructor(readonly isTTY = false) {}

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a command line in-process with captured stdout and stderr and only the given environment. */
export async function runInProcess(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const stdout = new CapturedSink();
  const stderr = new CapturedSink();
  const io: CliIo = { stdout, stderr, env };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

const BIN = fileURLToPath(new URL('../../bin/sessionctl.js', import.meta.url));

/**
 * Runs the built bin as a real child process (needs `npx tsc -b apps/cli`; the root `npm test` builds first). The
 * environment is replaced, not inherited, so the shared Redis on 6379 is never reached by accident.
 */
export function runChild(argv: string[], env: Record<string, string> = {}): Promise<CliRun & { elapsedMs: number }> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [BIN, ...argv], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, elapsedMs: Date.now() - startedAt }));
  });
}
