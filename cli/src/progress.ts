// The progress line of a long log: lines read, bytes, rate, on standard error,
// redrawn in place and erased at the end. Only on a terminal, and never under
// NO_COLOR or CI.

/** Where the progress line goes. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Whether an environment variable is set to something that means yes. */
function set(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Whether a progress line may be drawn on this stream, in this environment. */
export function progressWanted(stream: ProgressStream, env: Readonly<Record<string, string | undefined>>): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && !set(env.CI);
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** A progress line on a terminal. */
export class Progress {
  readonly #stream: ProgressStream;
  readonly #started: number;
  readonly #every: number;
  #last: number;
  #shown = false;

  /** @param every The least milliseconds between two redraws. */
  constructor(stream: ProgressStream, every = 250, now: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#now = now;
    this.#started = now();
    this.#last = this.#started;
    this.#every = every;
  }

  readonly #now: () => number;

  /** Redraws the line, when the last redraw is old enough. */
  update(lines: number, bytes: number): void {
    const now = this.#now();
    if (now - this.#last < this.#every) return;
    this.#last = now;
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? Math.round(lines / seconds) : 0;
    this.#stream.write(`\r\x1b[Kimage-usage: ${lines.toLocaleString('en-US')} lines, ${megabytes(bytes)}, ${rate.toLocaleString('en-US')} lines/s`);
    this.#shown = true;
  }

  /** Erases the line, if it is shown (before anything else is written to the stream, and at the end). */
  clear(): void {
    if (!this.#shown) return;
    this.#stream.write('\r\x1b[K');
    this.#shown = false;
  }
}
