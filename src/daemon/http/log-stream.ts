/**
 * Where the daemon's log lines go: lines written during one turn of the event loop reach the target
 * (stderr) in one write, instead of one system call per line, which under load cost the daemon a
 * tenth of its time. A crash loses at most the lines of the current turn. When the target is slow,
 * lines are buffered up to `maxBufferedChars`, then dropped and counted (never an unbounded queue).
 */
export class BatchedLogStream {
  readonly #target: NodeJS.WritableStream;
  readonly #max: number;
  #lines: string[] = [];
  #chars = 0;
  #scheduled = false;
  #dropped = 0;

  constructor(target: NodeJS.WritableStream, maxBufferedChars = 8 * 1024 * 1024) {
    this.#target = target;
    this.#max = maxBufferedChars;
  }

  /** Lines dropped because the target could not keep up. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Called by pino with one serialised line. */
  write(line: string): boolean {
    if (this.#chars + line.length > this.#max) {
      this.#dropped++;
      return true;
    }
    this.#lines.push(line);
    this.#chars += line.length;
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.flush());
    }
    return true;
  }

  /** Writes what is buffered now (also called when the daemon stops). */
  flush(): void {
    this.#scheduled = false;
    if (this.#lines.length === 0) return;
    const text = this.#lines.join('');
    this.#lines = [];
    this.#chars = 0;
    this.#target.write(text);
  }
}
