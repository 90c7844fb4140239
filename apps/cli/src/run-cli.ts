import type { CliIo } from './cli-io.js';
import { ExitCode } from './errors.js';
import { reportError } from './output/error-report.js';
import { buildProgram } from './program.js';

/**
 * Runs one command line (without `node` and the script path) and resolves with its exit code. Never calls
 * `process.exit`, so tests run commands in-process with their own sinks.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram({ io });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.success;
  } catch (error) {
    return reportError(error, io, wantsJson(argv));
  }
}

// Decided from argv rather than parsed options, so that a command line commander rejects still gets the envelope.
function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json') || argv.includes('--ndjson');
}
