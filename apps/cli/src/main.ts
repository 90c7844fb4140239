import { ExitCode } from './errors.js';
import { runCli } from './run-cli.js';

/** Exit status after an interrupt, by the shell convention 128 + SIGINT. */
const INTERRUPTED = 130;
// Long enough for a live command to close Redis after Ctrl-C; short enough that a stuck one does not linger.
const INTERRUPT_GRACE_MS = 2_000;

const interrupt = new AbortController();
// The first signal asks the command to stop (`top` and `audit tail --follow` end cleanly, a listing stops at its
// next batch); whatever still runs after the grace period, or after a second signal, exits at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupt.abort();
    setTimeout(() => process.exit(INTERRUPTED), INTERRUPT_GRACE_MS).unref();
    process.once(signal, () => process.exit(INTERRUPTED));
  });
}

// A reader that goes away (`sessionctl sessions list | head`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(ExitCode.success);
});

// The exit code is set rather than forced with process.exit, so buffered stdout (a pipe into `jq`, a file) is
// flushed completely; every command closes its Redis connections, so nothing keeps the process alive.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
