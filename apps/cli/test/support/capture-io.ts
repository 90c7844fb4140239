import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIo, TextSink } from '../../src/cli-io.js';
import { runCli } from '../../src/run-cli.js';

/** An in-memory sink that records everything written to it. */
export class CapturedSink implements TextSink {
  text = '';
  private readonly watchers: (() => void)[] = [];

  constructor(readonly isTTY = false) {}

  write(chunk: string): boolean {
    this.text += chunk;
    for (const watcher of this.watchers) watcher();
    return true;
  }

  /** Resolves once the written text matches `pattern`. */
  waitFor(pattern: RegExp): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (pattern.test(this.text)) resolve();
      };
      this.watchers.push(check);
      check();
    });
  }
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  stdout?: CapturedSink;
  stderr?: CapturedSink;
}

/** Runs a command line in-process with captured stdout and stderr and only the given environment. */
export async function runInProcess(argv: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const stdout = options.stdout ?? new CapturedSink();
  const stderr = options.stderr ?? new CapturedSink();
  const io: CliIo = { stdout, stderr, env: options.env ?? {}, signal: options.signal };
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
