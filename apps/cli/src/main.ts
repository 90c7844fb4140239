import { runCli } from './run-cli.js';

// The exit code is set rather than forced with process.exit, so buffered stdout (a pipe into `jq`, a file) is
// flushed completely; every command closes its Redis connections, so nothing keeps the process alive.
const interrupt = new AbortController();
// The first signal asks live commands to stop and close Redis; a second one exits at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupt.abort();
    process.once(signal, () => process.exit(130));
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
