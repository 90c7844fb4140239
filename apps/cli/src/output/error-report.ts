import { CommanderError } from 'commander';
import { ConfigError } from '@sessionops/config';
import { RedisUnavailableError } from '@sessionops/redis';
import { SessionStoreUnavailableError } from '@sessionops/sessions';
import type { CliIo } from '../cli-io.js';
import { CliError, ExitCode, SilentFailure } from '../errors.js';
import { safeJson } from './json-text.js';
import { stripControlCharacters } from './sanitise.js';

/** The JSON error envelope printed on stdout under `--json`. `code` strings are stable. */
export interface ErrorEnvelope {
  error: { code: string; message: string; hint?: string };
}

/** Turns any thrown value into a `CliError`, or null when it is a bug (unexpected). */
export function toCliError(error: unknown): CliError | null {
  if (error instanceof CliError) return error;
  if (error instanceof RedisUnavailableError) {
    return new CliError(
      'REDIS_UNAVAILABLE',
      `Redis at ${error.target} did not answer within ${error.waitedMs} ms`,
      'Check that Redis runs and that --redis or REDIS_URL names it.',
    );
  }
  if (error instanceof SessionStoreUnavailableError) {
    return new CliError('REDIS_UNAVAILABLE', error.message, 'Check that Redis is up, then run the command again.');
  }
  if (isConnectionFailure(error)) {
    return new CliError(
      'REDIS_UNAVAILABLE',
      `Lost the connection to Redis (${error.message})`,
      'Check that Redis is up, then run the command again.',
    );
  }
  if (error instanceof ConfigError) {
    const problems = error.problems.map((problem) => `${problem.variable} ${problem.message}`).join('; ');
    return new CliError('CONFIG_INVALID', `Invalid environment: ${problems}`, 'Fix the variables named above.');
  }
  return null;
}

// What ioredis rejects commands with when the connection drops or a reply is late (fail-fast client: no queue).
const CONNECTION_FAILURE =
  /Connection is closed|Command timed out|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE/;

function isConnectionFailure(error: unknown): error is Error {
  return (
    error instanceof Error && (error.name === 'MaxRetriesPerRequestError' || CONNECTION_FAILURE.test(error.message))
  );
}

/**
 * Reports a failure and returns the exit code. Commander already printed its own usage messages; expected failures
 * print a sentence and a hint (or the envelope under `--json`); bugs print their stack.
 */
export function reportError(error: unknown, io: CliIo, json: boolean): number {
  if (error instanceof SilentFailure) return error.exitCode;
  if (error instanceof CommanderError) return commanderExitCode(error, io, json);

  const known = toCliError(error);
  if (known) {
    const message = stripControlCharacters(known.message);
    if (json) io.stdout.write(`${safeJson(envelope(known.code, message, known.hint))}\n`);
    else io.stderr.write(`error: ${message}\n${known.hint ? `hint: ${known.hint}\n` : ''}`);
    return known.exitCode;
  }

  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) io.stdout.write(`${safeJson(envelope('INTERNAL', 'sessionctl failed unexpectedly'))}\n`);
  io.stderr.write(`sessionctl failed unexpectedly (this is a bug):\n${stack}\n`);
  return ExitCode.failure;
}

function commanderExitCode(error: CommanderError, io: CliIo, json: boolean): number {
  // Help and --version end in a CommanderError with exit code 0; everything else is a malformed command line.
  if (error.exitCode === 0) return ExitCode.success;
  if (json) {
    const message =
      error.code === 'commander.help' ? 'a subcommand is required' : error.message.replace(/^error: /, '');
    io.stdout.write(`${safeJson(envelope('USAGE', message, 'See sessionctl --help.'))}\n`);
  }
  return ExitCode.usage;
}

function envelope(code: string, message: string, hint?: string): ErrorEnvelope {
  return { error: hint ? { code, message, hint } : { code, message } };
}
