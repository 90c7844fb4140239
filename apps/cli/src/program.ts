import { Command, Option } from 'commander';
import type { CliIo } from './cli-io.js';
import { registerAuditTail } from './commands/audit/tail.js';
import { registerDoctor } from './commands/doctor.js';
import { parsePositiveInteger } from './commands/option-parsers.js';
import { registerSessionsList } from './commands/sessions/list.js';
import { registerSessionsRevoke } from './commands/sessions/revoke.js';
import { registerSessionsShow } from './commands/sessions/show.js';
import { registerSessionsStats } from './commands/sessions/stats.js';
import { registerTop } from './commands/top.js';
import { registerUsersSetRole } from './commands/users/set-role.js';
import { registerUsersShow } from './commands/users/show.js';
import { cliVersion } from './version.js';

const EXIT_CODES_HELP = `
Exit codes:
    0  success
    1  operational failure: not found, refused, a failed check, Redis unreachable
    2  usage error: unknown command or option, missing or malformed argument
  130  interrupted (Ctrl-C) before the command finished

Environment:
  REDIS_URL         Redis to talk to when --redis is not given (default redis://127.0.0.1:6379)
  REDIS_KEY_PREFIX  prefix of every key, the same setting the server reads (default sessionops:)

Examples:
  $ sessionctl doctor
  $ sessionctl sessions list --limit 20
  $ sessionctl sessions revoke --user alice@example.com --reason "laptop stolen"
  $ sessionctl audit tail --follow
`;

/** Options every command inherits. */
export interface GlobalOptions {
  redis?: string;
  keyPrefix?: string;
  connectTimeoutMs: number;
}

/** What a command's `register` function receives. */
export interface CommandContext {
  io: CliIo;
}

/**
 * Builds the whole command tree. `exitOverride` turns every exit into a thrown `CommanderError`, so `runCli` decides
 * the exit code and tests can run commands in-process.
 */
export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('sessionctl')
    .description('Inspect, revoke and watch the sessions that sessionops servers keep in Redis.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addOption(new Option('--redis <url>', 'Redis URL (default: REDIS_URL or redis://127.0.0.1:6379)'))
    .addOption(new Option('--key-prefix <prefix>', 'key prefix (default: REDIS_KEY_PREFIX or sessionops:)'))
    .addOption(
      new Option('--connect-timeout-ms <ms>', 'give up connecting to Redis after this long')
        .default(2_500)
        .argParser(parsePositiveInteger),
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    });

  const sessions = program.command('sessions').description('list, show, revoke and count sessions');
  registerSessionsList(sessions, context);
  registerSessionsShow(sessions, context);
  registerSessionsRevoke(sessions, context);
  registerSessionsStats(sessions, context);
  const users = program.command('users').description('show accounts and grant roles');
  registerUsersShow(users, context);
  registerUsersSetRole(users, context);
  const audit = program.command('audit').description('read the session audit trail');
  registerAuditTail(audit, context);
  registerTop(program, context);
  registerDoctor(program, context);
  return program;
}
