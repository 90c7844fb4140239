import type { Command } from 'commander';
import { AuditReader } from '@sessionops/audit';
import type { CommandContext } from '../../program.js';
import { AUDIT_COLUMNS } from '../../ui/audit-columns.js';
import { formatTable } from '../../ui/columns.js';
import { outputFor, withRedis, type FormatFlags } from '../command-runtime.js';
import { parsePositiveInteger } from '../option-parsers.js';

interface TailFlags extends FormatFlags {
  follow?: boolean;
  limit: number;
}

// The stream id before any real entry: following from it after an empty read misses nothing appended since.
const STREAM_START = '0-0';

/** `sessionctl audit tail`: the newest lifecycle events, and with `--follow` every new one as it is appended. */
export function registerAuditTail(audit: Command, { io }: CommandContext): void {
  audit
    .command('tail')
    .description('print the newest session events (created, revoked with reason and actor, reuse-detected, …)')
    .option('-f, --follow', 'keep printing new events until interrupted (Ctrl-C)')
    .option('-n, --limit <n>', 'how many of the newest events to print first', parsePositiveInteger, 50)
    .option('--json', 'print JSON: an array, or one object per line with --follow')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sessionctl audit tail --limit 20\n  $ sessionctl audit tail --follow --json | jq .type\n',
    )
    .action(async (flags: TailFlags, command: Command) => {
      const output = outputFor(io, { json: flags.json });
      await withRedis(command, io, output, async ({ client, keyspace }) => {
        const reader = new AuditReader({ client, keyspace });
        const entries = await reader.latest(flags.limit);
        const render = (batch: typeof entries, header: boolean) =>
          formatTable(AUDIT_COLUMNS, batch, { header, colour: output.colour });

        if (!flags.follow) {
          if (output.format === 'json') await output.json(entries);
          else if (entries.length === 0) output.progress('no events recorded yet');
          else await output.result(render(entries, true));
          return;
        }

        // Following: JSON turns into one object per line, since the output never ends as one document.
        if (output.format === 'json') await output.ndjson(entries);
        else await output.result(render(entries, true));
        output.progress('following new events; Ctrl-C stops');
        const signal = io.signal ?? new AbortController().signal;
        const fromId = entries.at(-1)?.id ?? STREAM_START;
        for await (const batch of reader.follow(fromId, signal)) {
          if (output.format === 'json') await output.ndjson(batch);
          else await output.result(render(batch, false));
        }
      });
    });
}
