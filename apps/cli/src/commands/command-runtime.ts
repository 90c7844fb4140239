import type { Command } from 'commander';
import { RedisKeyspace, type Redis } from '@sessionops/redis';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors.js';
import { Output, type OutputFormat } from '../output/output.js';
import type { GlobalOptions } from '../program.js';
import { loadCliSettings, type CliSettings } from '../services/cli-config.js';
import { closeRedis, connectRedis } from '../services/redis-connection.js';
import { closeSessionBackend, openSessionBackend, type SessionBackend } from '../services/session-backend.js';

/** Format flags a command may declare. */
export interface FormatFlags {
  json?: boolean;
  ndjson?: boolean;
}

/** The output a command's format flags ask for. `--json` and `--ndjson` together are a usage error. */
export function outputFor(io: CliIo, flags: FormatFlags): Output {
  if (flags.json && flags.ndjson) throw new UsageError('--json and --ndjson cannot be used together');
  const format: OutputFormat = flags.json ? 'json' : flags.ndjson ? 'ndjson' : 'human';
  return new Output(io, format);
}

/** A connected Redis with the settings it came from. */
export interface RedisContext {
  client: Redis;
  keyspace: RedisKeyspace;
  settings: CliSettings;
}

/** The global options of the program a command belongs to. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Reads settings from the environment and the global flags. */
export function settingsFor(command: Command, io: CliIo): CliSettings {
  const globals = globalOptions(command);
  return loadCliSettings(io.env, { redis: globals.redis, keyPrefix: globals.keyPrefix });
}

/**
 * Names the Redis on stderr, connects within the connect budget, runs `work`, and always closes the connection so
 * the process can exit.
 */
export async function withRedis<T>(
  command: Command,
  io: CliIo,
  output: Output,
  work: (redis: RedisContext) => Promise<T>,
): Promise<T> {
  const settings = settingsFor(command, io);
  output.progress(`redis: ${settings.redactedUrl}`);
  const client = await connectRedis(settings, globalOptions(command).connectTimeoutMs);
  try {
    return await work({ client, keyspace: new RedisKeyspace(settings.keyPrefix), settings });
  } finally {
    await closeRedis(client);
  }
}

/** Like `withRedis`, with the session store, users repository and audit trail built on the connection. */
export async function withSessions<T>(
  command: Command,
  io: CliIo,
  output: Output,
  work: (backend: SessionBackend) => Promise<T>,
): Promise<T> {
  return withRedis(command, io, output, async (redis) => {
    const backend = openSessionBackend(redis, (error) => output.warn(`${error.message}: ${String(error.cause)}`));
    try {
      return await work(backend);
    } finally {
      await closeSessionBackend(backend);
    }
  });
}
