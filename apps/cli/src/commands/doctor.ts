import type { Command } from 'commander';
import { ConfigError } from '@sessionops/config';
import { closeRedis, connectRedis } from '../services/redis-connection.js';
import { loadCliSettings, type CliSettings } from '../services/cli-config.js';
import {
  configurationChecks,
  DoctorService,
  reachableCheck,
  unreachableCheck,
  type DoctorCheck,
  type DoctorReport,
} from '../services/doctor.service.js';
import { SilentFailure } from '../errors.js';
import { toCliError } from '../output/error-report.js';
import { renderView } from '../ui/render-view.js';
import type { CommandContext } from '../program.js';
import { globalOptions, outputFor, type FormatFlags } from './command-runtime.js';

/** `sessionctl doctor`: is this Redis fit to hold sessions? Exits 1 when a check fails (warnings do not). */
export function registerDoctor(program: Command, { io }: CommandContext): void {
  program
    .command('doctor')
    .description('check that Redis is reachable, supported and configured not to lose sessions')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl doctor\n  $ sessionctl doctor --json --redis redis://cache:6379\n',
    )
    .action(async (flags: FormatFlags, command: Command) => {
      const output = outputFor(io, flags);
      const { settings, checks } = readSettings(command, io.env);
      output.progress(`redis: ${settings.redactedUrl}`);

      const startedAt = Date.now();
      try {
        const client = await connectRedis(settings, globalOptions(command).connectTimeoutMs);
        try {
          checks.unshift(reachableCheck(settings.redactedUrl, Date.now() - startedAt));
          checks.splice(1, 0, ...(await new DoctorService(client).checkRedis()));
        } finally {
          await closeRedis(client);
        }
      } catch (error) {
        const known = toCliError(error);
        if (!known) throw error;
        checks.unshift(unreachableCheck(known.message));
      }

      const failed = checks.filter((check) => check.status === 'fail');
      const report: DoctorReport & { error?: { code: string; message: string; hint: string } } = {
        ok: failed.length === 0,
        redis: settings.redactedUrl,
        checks,
      };
      if (output.format === 'human') {
        await output.result(await renderView('checkList', { checks, colour: output.colour }, output.columns));
      } else {
        // A failed report also carries the error envelope, so scripts can test `.error` on every command alike.
        if (!report.ok)
          report.error = {
            code: 'CHECK_FAILED',
            message: `${failed.length} check(s) failed`,
            hint: failed[0].hint ?? 'See the checks.',
          };
        await output.json(report);
      }
      if (!report.ok) throw new SilentFailure();
    });
}

/** Settings plus the configuration check; invalid lifetimes are a finding, not a reason to stop checking Redis. */
function readSettings(
  command: Command,
  env: Record<string, string | undefined>,
): { settings: CliSettings; checks: DoctorCheck[] } {
  const globals = globalOptions(command);
  const flags = { redis: globals.redis, keyPrefix: globals.keyPrefix };
  try {
    const settings = loadCliSettings(env, flags);
    return { settings, checks: configurationChecks(settings.warnings) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Check Redis with the connection variables alone; the lifetime problems are reported as a failed check.
    const redisOnly = { REDIS_URL: env.REDIS_URL, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX };
    const problems = error.problems.map((problem) => `${problem.variable} ${problem.message}`).join('; ');
    return { settings: loadCliSettings(redisOnly, flags), checks: configurationChecks([], problems) };
  }
}
