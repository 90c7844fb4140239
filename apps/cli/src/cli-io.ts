/** Where the CLI writes. A Node stream fits; tests pass small in-memory sinks. */
export interface TextSink {
  write(chunk: string): boolean;
  /** Present on Node streams: used to wait for `drain` when a pipe is full, so exports of any size stay flat. */
  once?(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Everything the CLI touches outside itself, injected so commands run in-process under test. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Keyboard input for the live dashboard (`q` quits); absent or not a TTY means no keyboard. */
  stdin?: NodeJS.ReadStream;
  /** The environment (`process.env` in production). Only the CLI reads it; libraries never do. */
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C / SIGTERM: long-running commands (`top`, `audit tail --follow`) stop cleanly. */
  signal?: AbortSignal;
}
