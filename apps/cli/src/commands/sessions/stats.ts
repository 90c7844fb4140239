import type { Command } from 'commander';
import { formatCount } from '../../output/format.js';
import type { CommandContext } from '../../program.js';
import { SessionStatsService } from '../../services/session-stats.service.js';
import { renderView } from '../../ui/render-view.js';
import { outputFor, withSessions, type FormatFlags } from '../command-runtime.js';

/** `sessionctl sessions stats`: counts, distributions, memory and rates, from one non-blocking scan. */
export function registerSessionsStats(sessions: Command, { io }: CommandContext): void {
  sessions
    .command('stats')
    .description('live sessions, users, sessions per user, age and lifetime histograms, memory, rates')
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl sessions stats\n  $ sessionctl sessions stats --json | jq .liveSessions\n',
    )
    .action(async (flags: FormatFlags, command: Command) => {
      const output = outputFor(io, flags);
      await withSessions(command, io, output, async ({ store, client, keyspace, reader }) => {
        const service = new SessionStatsService(store, { client, keyspace, reader });
        const stats = await service.collect({
          onProgress: (scanned) => output.status(`scanned ${formatCount(scanned)} sessions…`),
        });
        output.endStatus();
        if (output.format === 'json') await output.json(stats);
        else
          await output.result(
            await renderView('statsReport', { stats, colour: output.colour }, Math.max(output.columns, 100)),
          );
      });
    });
}
