/**
 * Prints diagnostics as `file:line:col: error: message`, with a short code frame and hints, the way
 * compilers do, so editors and terminals can jump to the place.
 */
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';
import { LineIndex } from './source-map.js';

export interface FormatOptions {
  /** Source texts by file name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const place = d.position ? `${d.position.file}:${d.position.line}:${d.position.column}: ` : 'vita: ';
  let out = `${c.bold(place)}${severity}: ${d.message} ${c.dim(`[${d.code}]`)}\n`;
  const text = d.position ? options.sources.get(d.position.file) : undefined;
  if (d.position && text !== undefined)
    out += codeFrame(new LineIndex(text), d.position.line, d.position.column, c);
  for (const hint of d.hints) out += `  ${c.cyan('hint')}: ${hint}\n`;
  return out;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  return diagnostics.map((d) => formatDiagnostic(d, options)).join('');
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function codeFrame(
  lines: LineIndex,
  line: number,
  column: number,
  c: ReturnType<typeof pc.createColors>,
): string {
  let out = '';
  const width = String(Math.min(line + 1, lines.lineCount)).length;
  for (let n = Math.max(1, line - 1); n <= Math.min(line + 1, lines.lineCount); n++) {
    const raw = lines.lineText(n);
    const shown = raw.length > 120 ? `${raw.slice(0, 117)}...` : raw;
    const gutter = `${String(n).padStart(width)} | `;
    out += n === line ? `${c.bold('>')} ${gutter}${shown}\n` : `  ${c.dim(gutter)}${c.dim(shown)}\n`;
    if (n === line) {
      const prefix = raw.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
      out += `  ${' '.repeat(width)} | ${prefix}${c.red('^')}\n`;
    }
  }
  return out;
}
