import type { Command } from 'commander';
import type { CommandContext } from '../../program.js';
import { SessionQueryService } from '../../services/session-query.service.js';
import { renderView } from '../../ui/render-view.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';

/** `sessionctl sessions show <sid>`: the whole record (never the refresh-token hash), key TTLs and state. */
export function registerSessionsShow(sessions: Command, { io }: CommandContext): void {
  sessions
    .command('show')
    .description('show one session: every field, its key TTLs and its state (live, revoked, expired)')
    .argument('<sid>', 'the full session id')
    .option('--json', 'print the session as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl sessions show <sid>\n  $ sessionctl sessions show <sid> --json\n',
    )
    .action(async (sessionId: string, flags: FormatFlags, command: Command) => {
      const output = outputFor(io, flags);
      await withSessions(command, io, output, async ({ store, client, keyspace }) => {
        const session = await new SessionQueryService(store, { client, keyspace }).show(sessionId);
        if (output.format === 'json') await output.json(session);
        else
          await output.result(await renderView('sessionDetails', { session, colour: output.colour }, output.columns));
      });
    });
}
