/** Printing diagnostics and results to the terminal. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, groupDiagnostics, summary } from '../diagnostics/format.js';

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

export interface ReportOptions {
  /** List every diagnostic; without it, a kind that occurs often is shown a few times and counted. */
  readonly verbose?: boolean | undefined;
}

/**
 * Prints the diagnostics (sorted by place; without `verbose`, a few of each kind and "… and N more like
 * this") and a one-line summary in one write; returns true when any is an error.
 */
export function reportDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: ReportOptions = {},
): boolean {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  if (sorted.length > 0) {
    const group = options.verbose !== true;
    const hidden = group ? groupDiagnostics(sorted).hidden : 0;
    const text = formatDiagnostics(sorted, { sources, color: useColor(io), group });
    io.stderr.write(`${text}${summary(sorted, hidden)}\n`);
  }
  return sorted.some((d) => d.severity === 'error');
}
