import type { CliIo, TextSink } from '../cli-io.js';
import { safeJson } from './json-text.js';

/** How results are printed: a table or text for people, one JSON document, or one JSON object per line. */
export type OutputFormat = 'human' | 'json' | 'ndjson';

/**
 * The only door to the terminal. Results go to stdout, everything else (the Redis target, progress, warnings) to
 * stderr, so `sessionctl … --json | jq` always sees pure JSON.
 */
export class Output {
  private statusShown = false;

  constructor(
    private readonly io: CliIo,
    readonly format: OutputFormat = 'human',
  ) {}

  /** True when stdout is an interactive terminal and people read it: live views and colour are allowed. */
  get interactive(): boolean {
    return this.format === 'human' && this.io.stdout.isTTY === true && !isCi(this.io.env);
  }

  /** True when colour may be used (a terminal, not `--json`, and `NO_COLOR` unset). */
  get colour(): boolean {
    return this.interactive && !this.io.env.NO_COLOR;
  }

  /** Terminal width for layouts; 120 when stdout is not a terminal. */
  get columns(): number {
    return this.io.stdout.columns ?? 120;
  }

  /** Writes text to stdout, ending it with a newline. Waits when the pipe is full. */
  async result(text: string): Promise<void> {
    await write(this.io.stdout, text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Writes one JSON document to stdout. */
  async json(value: unknown): Promise<void> {
    await write(this.io.stdout, `${safeJson(value, 2)}\n`);
  }

  /** Writes JSON objects to stdout, one per line, in one write (one batch of a stream). */
  async ndjson(values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return;
    await write(this.io.stdout, values.map((value) => `${safeJson(value)}\n`).join(''));
  }

  /**
   * Streams one JSON array, element by element as batches arrive, so `--json` over any number of sessions needs no
   * more memory than one batch. Returns how many elements were written.
   */
  async jsonArray(batches: AsyncIterable<readonly unknown[]>): Promise<number> {
    let written = 0;
    await write(this.io.stdout, '[');
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const separator = written === 0 ? '\n' : ',\n';
      await write(this.io.stdout, separator + batch.map((value) => `  ${safeJson(value)}`).join(',\n'));
      written += batch.length;
    }
    await write(this.io.stdout, written === 0 ? ']\n' : '\n]\n');
    return written;
  }

  /** A status line rewritten in place on a terminal stderr; nothing without one (no animation off a terminal). */
  status(text: string): void {
    if (this.io.stderr.isTTY !== true || isCi(this.io.env)) return;
    this.io.stderr.write(`\r\u001b[2K${text}`);
    this.statusShown = true;
  }

  /** Clears the status line, so what follows starts on a clean line. */
  endStatus(): void {
    if (!this.statusShown) return;
    this.io.stderr.write('\r\u001b[2K');
    this.statusShown = false;
  }

  /** A progress or status line on stderr. */
  progress(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  /** A warning on stderr, prefixed so it stands out. */
  warn(text: string): void {
    this.io.stderr.write(`warning: ${text}\n`);
  }
}

function isCi(env: Record<string, string | undefined>): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

function write(sink: TextSink, chunk: string): Promise<void> {
  if (sink.write(chunk) || !sink.once) return Promise.resolve();
  return new Promise((resolve) => sink.once?.('drain', resolve));
}
