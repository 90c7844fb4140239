import { Writable } from 'node:stream';

/** A pino destination that keeps every line, parsed, so tests can assert on log events. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  /** Every captured line as an object. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The lines whose `event` field is `event`. */
  withEvent(event: string): Record<string, unknown>[] {
    return this.entries().filter((entry) => entry.event === event);
  }
}
