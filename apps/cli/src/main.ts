import { runCli } from './run-cli.js';

// The exit code is set rather than forced with process.exit, so buffered stdout (a pipe into `jq`, a file) is
// flushed completely; every command closes its Redis connections, so nothing keeps the process alive.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
