import type { Command } from 'commander';
import { shortSessionId } from '@sessionops/sessions';
import { ConfirmationRequiredError, UsageError } from '../../errors.js';
import { formatCount, formatDuration } from '../../output/format.js';
import type { Output } from '../../output/output.js';
import type { CommandContext } from '../../program.js';
import { operatorActor } from '../../services/operator-actor.js';
import { RevocationService, type RevokeUserResult } from '../../services/revocation.service.js';
import { resolveUser } from '../../services/user-lookup.js';
import { formatTable } from '../../ui/columns.js';
import { SESSION_COLUMNS } from '../../ui/session-columns.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';

interface RevokeFlags extends FormatFlags {
  user?: string;
  except?: string;
  all?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  reason?: string;
}

const MAX_REASON_LENGTH = 500;
const STATUS_INTERVAL_MS = 250;

/**
 * `sessionctl sessions revoke`: one session, all of a user's, or every session. Revocations carry reason `operator`;
 * the audit trail records the OS user, the host and `--reason`. They take effect on the next request to any server.
 */
export function registerSessionsRevoke(sessions: Command, { io }: CommandContext): void {
  sessions
    .command('revoke')
    .description('revoke one session, every session of a user, or every session (--all --yes)')
    .argument('[sid]', 'the full id of the session to revoke')
    .option('-u, --user <id|email>', 'revoke every live session of this user')
    .option('--except <sid>', "with --user: keep this session (the user's current one)")
    .option('--all', 'revoke every session in the store at once')
    .option('-y, --yes', 'confirm --all (required: it is never prompted for)')
    .option('--dry-run', 'with --user or --all: say what would be revoked, change nothing')
    .option('--reason <text>', 'why, for the audit trail (the stored reason is always "operator")')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl sessions revoke <sid> --reason "phished"\n' +
        '  $ sessionctl sessions revoke --user alice@example.com --except <sid> --dry-run\n' +
        '  $ sessionctl sessions revoke --all --yes --reason "signing key leaked"\n',
    )
    .action(async (sessionId: string | undefined, flags: RevokeFlags, command: Command) => {
      const output = outputFor(io, flags);
      validate(sessionId, flags);
      await withSessions(command, io, output, async ({ store, users }) => {
        const service = new RevocationService(store, operatorActor(io.env, flags.reason));
        if (sessionId) return revokeOne(service, sessionId, output);
        if (flags.user) {
          const { userId, user } = await resolveUser(users, flags.user);
          const result = await service.revokeUser(userId, { exceptSessionId: flags.except, dryRun: flags.dryRun });
          return printUserResult({ ...result, ...(user ? { email: user.email } : {}) }, output);
        }
        return revokeAll(service, flags, output);
      });
    });
}

function validate(sessionId: string | undefined, flags: RevokeFlags): void {
  const targets = [sessionId !== undefined, flags.user !== undefined, flags.all === true].filter(Boolean).length;
  if (targets !== 1) throw new UsageError('name exactly one target: a <sid>, --user <id|email> or --all');
  if (flags.except !== undefined && !flags.user) throw new UsageError('--except only goes with --user');
  if (flags.dryRun && sessionId) throw new UsageError('--dry-run goes with --user or --all');
  if (flags.yes && !flags.all) throw new UsageError('--yes only confirms --all');
  if (flags.reason !== undefined && flags.reason.length > MAX_REASON_LENGTH) {
    throw new UsageError(`--reason is longer than ${MAX_REASON_LENGTH} characters`);
  }
  // Checked before connecting: a refusal must not depend on Redis being up.
  if (flags.all && !flags.yes && !flags.dryRun) throw new ConfirmationRequiredError('--yes', 'revoke every session');
}

async function revokeOne(service: RevocationService, sessionId: string, output: Output): Promise<void> {
  const result = await service.revokeOne(sessionId);
  if (output.format === 'json') return output.json(result);

  const { session } = result;
  if (result.outcome === 'revoked') {
    await output.result(`revoked session ${session.shortId} of user ${session.userId}`);
  } else {
    await output.result(`session ${session.shortId} was already revoked (${session.revokedReason ?? 'unknown'})`);
  }
}

async function printUserResult(result: RevokeUserResult & { email?: string }, output: Output): Promise<void> {
  if (output.format === 'json') return output.json(result);

  const count = formatCount(result.sessions.length);
  const kept = result.keptSessionId ? `, keeping ${shortSessionId(result.keptSessionId)}` : '';
  const verb = result.dryRun ? 'would revoke' : 'revoked';
  await output.result(`${verb} ${count} session(s) of ${result.email ?? `user ${result.userId}`}${kept}`);
  if (result.sessions.length > 0) {
    await output.result(formatTable(SESSION_COLUMNS, result.sessions, { colour: output.colour }));
  }
}

async function revokeAll(service: RevocationService, flags: RevokeFlags, output: Output): Promise<void> {
  const startedAt = Date.now();
  const ticker = setInterval(() => {
    output.status(`removing revoked records… ${formatDuration(Date.now() - startedAt)}`);
  }, STATUS_INTERVAL_MS);
  try {
    const result = await service.revokeAll({
      dryRun: flags.dryRun,
      progress: {
        revokedEverything: (notBeforeMs) =>
          output.progress(
            `not-before set to ${new Date(notBeforeMs).toISOString()}: every session created before it is rejected ` +
              'from now on; removing the records…',
          ),
      },
    });
    output.endStatus();
    if (output.format === 'json') return await output.json(result);
    if (result.dryRun) return await output.result(`would revoke ${formatCount(result.liveSessions)} live session(s)`);
    await output.result(
      `revoked every session created before ${result.notBefore}; ` +
        `removed ${formatCount(result.purgedRecords)} record(s) in ${formatDuration(result.purgeMs)}`,
    );
  } finally {
    clearInterval(ticker);
    output.endStatus();
  }
}
