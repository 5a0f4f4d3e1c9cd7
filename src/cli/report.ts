/** Printing diagnostics and results to the terminal. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, summary } from '../diagnostics/format.js';

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stderr.isTTY);
}

/** Prints all diagnostics (sorted by place) and a one-line summary; returns true when any is an error. */
export function reportDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): boolean {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  if (sorted.length > 0) {
    io.stderr.write(formatDiagnostics(sorted, { sources, color: useColor(io) }));
    io.stderr.write(`${summary(sorted)}\n`);
  }
  return sorted.some((d) => d.severity === 'error');
}
