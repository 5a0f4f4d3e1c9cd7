/** A one-line progress display ("Fetching GitHub data 3/60"), only on a TTY, cleared when done. */

export interface Progress {
  advance(count?: number): void;
  finish(): void;
}

export interface ProgressOptions {
  readonly stream: (NodeJS.WritableStream & { isTTY?: boolean }) | undefined;
  readonly quiet: boolean;
}

const silent: Progress = { advance: () => undefined, finish: () => undefined };

export function createProgress(label: string, total: number, options: ProgressOptions): Progress {
  const { stream } = options;
  if (stream?.isTTY !== true || options.quiet || total <= 0) return silent;
  let done = 0;
  let width = 0;
  let finished = false;
  const draw = (): void => {
    const line = `${label} ${done}/${total}`;
    // Pad over a longer previous line; `\r` keeps it on one line.
    stream.write(`\r${line.padEnd(width)}`);
    width = Math.max(width, line.length);
  };
  draw();
  return {
    advance(count = 1) {
      if (finished) return;
      done = Math.min(total, done + count);
      draw();
    },
    finish() {
      if (finished) return;
      finished = true;
      stream.write(`\r${' '.repeat(width)}\r`);
    },
  };
}
