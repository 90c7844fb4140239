import type { Command } from 'commander';
import { InterruptedError } from '../../errors.js';
import { formatCount } from '../../output/format.js';
import { stripControlCharacters } from '../../output/sanitise.js';
import type { CommandContext } from '../../program.js';
import { SessionQueryService } from '../../services/session-query.service.js';
import type { SessionView } from '../../services/session-view.js';
import { resolveUser } from '../../services/user-lookup.js';
import { formatTable } from '../../ui/columns.js';
import { SESSION_COLUMNS } from '../../ui/session-columns.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';
import { parseNonNegativeInteger } from '../option-parsers.js';

interface ListFlags extends FormatFlags {
  user?: string;
  limit: number;
}

const DEFAULT_LIMIT = 100;

/**
 * `sessionctl sessions list`: one user's sessions through the per-user index, or every session through a cursor
 * SCAN. Rows are written as each batch arrives, in every format, so the first rows show at once and an export of
 * any size runs in constant memory.
 */
export function registerSessionsList(sessions: Command, { io }: CommandContext): void {
  sessions
    .command('list')
    .description('list live sessions: short sid, user, created, last seen, expires, ip, user agent')
    .option('-u, --user <id|email>', "only this user's sessions (through the per-user index)")
    .option('-n, --limit <n>', 'stop after this many sessions; 0 lists all', parseNonNegativeInteger, DEFAULT_LIMIT)
    .option('--json', 'print one JSON array (streamed)')
    .option('--ndjson', 'print one JSON object per line, for exports of any size')
    .addHelpText(
      'after',
      '\nTables show a short sid; --json and --ndjson carry the full id for `sessions show` and `sessions revoke`.\n' +
        '\nExamples:\n  $ sessionctl sessions list --user alice@example.com\n' +
        '  $ sessionctl sessions list --limit 0 --ndjson > sessions.ndjson\n',
    )
    .action(async (flags: ListFlags, command: Command) => {
      const output = outputFor(io, flags);
      await withSessions(command, io, output, async ({ store, users, client, keyspace }) => {
        const userId = flags.user ? await userIdFor(flags.user) : undefined;
        const batches = new SessionQueryService(store, { client, keyspace }).list({ userId, limit: flags.limit });
        const shown = await print(batches);
        summarise(shown);

        async function userIdFor(idOrEmail: string): Promise<string> {
          const resolved = await resolveUser(users, idOrEmail);
          if (!resolved.user)
            output.warn(`no account has id ${stripControlCharacters(resolved.userId)}; listing its sessions anyway`);
          return resolved.userId;
        }
      });

      async function print(batches: AsyncIterable<SessionView[]>): Promise<number> {
        if (output.format === 'json') return output.jsonArray(batches);
        let shown = 0;
        for await (const batch of batches) {
          // Ctrl-C: stop scanning at the next batch (leaving the loop ends the SCAN) and close Redis cleanly.
          if (io.signal?.aborted) throw new InterruptedError();
          if (output.format === 'ndjson') await output.ndjson(batch);
          else {
            const table = formatTable(SESSION_COLUMNS, batch, { header: shown === 0, colour: output.colour });
            await output.result(table);
          }
          shown += batch.length;
        }
        return shown;
      }

      function summarise(shown: number): void {
        const limited = flags.limit > 0 && shown >= flags.limit;
        const more = limited ? ` (the --limit of ${flags.limit} was reached; --limit 0 lists all)` : '';
        output.progress(shown === 0 ? 'no live sessions' : `${formatCount(shown)} session(s)${more}`);
      }
    });
}
