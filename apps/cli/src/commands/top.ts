import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import type { Output } from '../output/output.js';
import type { CommandContext } from '../program.js';
import { DashboardService, type DashboardSnapshot } from '../services/dashboard.service.js';
import { SessionCensus } from '../services/session-census.js';
import { dashboardLine } from '../ui/dashboard-line.js';
import { outputFor, withSessions, type FormatFlags } from './command-runtime.js';
import { parsePositiveInteger } from './option-parsers.js';

interface TopFlags extends FormatFlags {
  intervalMs: number;
  countIntervalMs: number;
  iterations?: number;
  once?: boolean;
}

/**
 * `sessionctl top`: a live dashboard of rates (from the audit counters), the newest events, and live sessions with
 * the users holding the most (from a background count at most every --count-interval-ms, shown with its age).
 * An ink screen on a terminal; one plain line per refresh otherwise; one JSON object per refresh with --json.
 */
export function registerTop(program: Command, { io }: CommandContext): void {
  program
    .command('top')
    .description('live dashboard: sessions, create/refresh/revoke/reuse rates, top users, newest events')
    .option('--interval-ms <ms>', 'refresh period', parsePositiveInteger, 1_000)
    .option(
      '--count-interval-ms <ms>',
      'recount live sessions (a full scan) at most this often',
      parsePositiveInteger,
      30_000,
    )
    .option('--iterations <n>', 'stop after this many refreshes', parsePositiveInteger)
    .option('--once', 'print one refresh and stop (same as --iterations 1)')
    .option('--json', 'print one JSON object per refresh')
    .addHelpText('after', '\nExamples:\n  $ sessionctl top\n  $ sessionctl top --once --json\n')
    .action(async (flags: TopFlags, command: Command) => {
      const output = outputFor(io, flags);
      const iterations = flags.once ? 1 : flags.iterations;
      await withSessions(command, io, output, async ({ store, reader, settings }) => {
        const census = new SessionCensus(store, { minIntervalMs: flags.countIntervalMs });
        const dashboard = new DashboardService(reader, census);
        const stop = linkedAbort(io.signal);
        try {
          if (output.interactive && isTerminal(io)) {
            await runScreen(dashboard, io, output, settings.redactedUrl, flags.intervalMs, iterations, stop);
          } else {
            // Off a terminal every line is final, so the first waits for the first count instead of "counting…".
            census.refreshIfDue();
            await census.settled();
            await runLines(dashboard, output, flags.intervalMs, iterations, stop.signal);
          }
        } finally {
          stop.abort();
          await census.settled();
        }
      });
    });
}

async function runLines(
  dashboard: DashboardService,
  output: Output,
  intervalMs: number,
  iterations: number | undefined,
  signal: AbortSignal,
): Promise<void> {
  for (let done = 0; iterations === undefined || done < iterations; done += 1) {
    if (done > 0 && !(await pause(intervalMs, signal))) return;
    const snapshot = await dashboard.snapshot();
    if (output.format === 'human') await output.result(dashboardLine(snapshot));
    else await output.ndjson([snapshot]);
  }
}

async function runScreen(
  dashboard: DashboardService,
  io: CliIo,
  output: Output,
  redis: string,
  intervalMs: number,
  iterations: number | undefined,
  stop: AbortController,
): Promise<void> {
  // Loaded here only: ink costs about half a second to load, which the line and JSON modes do not need.
  const { render } = await import('ink');
  const { createElement } = await import('react');
  const { TopApp } = await import('../ui/top-app.js');
  const keyboard = io.stdin?.isTTY === true;
  const props = (snapshot: DashboardSnapshot | null) => ({
    snapshot,
    redis,
    colour: output.colour,
    keyboard,
    onQuit: () => stop.abort(),
  });
  const screen = render(createElement(TopApp, props(null)), {
    stdout: io.stdout as NodeJS.WriteStream,
    stdin: io.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    for (let done = 0; iterations === undefined || done < iterations; done += 1) {
      if (done > 0 && !(await pause(intervalMs, stop.signal))) return;
      screen.rerender(createElement(TopApp, props(await dashboard.snapshot())));
    }
  } finally {
    screen.unmount();
  }
}

function isTerminal(io: CliIo): boolean {
  return typeof (io.stdout as NodeJS.WriteStream).on === 'function';
}

/** An abort controller that also fires when `parent` does (Ctrl-C). */
function linkedAbort(parent: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (parent?.aborted) controller.abort();
  parent?.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

/** Waits `ms`; resolves false early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
