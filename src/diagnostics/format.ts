/**
 * Prints diagnostics as `file:line:col: error: message`, with a short code frame and hints, the way
 * compilers do, so editors and terminals can jump to the place.
 *
 * Printing is linear in the number of diagnostics: each source's line index is built once per call, not
 * once per diagnostic. With `group`, diagnostics of one kind (see `diagnosticKind`) are printed
 * `SHOWN_PER_KIND` times, then counted: "… and 37 more like this". At most `MAX_PRINTED` are printed in
 * full either way; the rest are counted on one line. A code frame shows at most `FRAME_WIDTH` characters of
 * a line, around the column.
 */
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';
import { LineIndex } from './source-map.js';

export interface FormatOptions {
  /** Source texts by file name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
  /** Print the first `SHOWN_PER_KIND` diagnostics of each kind and count the rest (default: print all). */
  readonly group?: boolean | undefined;
}

/** How many diagnostics of one kind are printed in full when grouping. */
export const SHOWN_PER_KIND = 3;

/** How many diagnostics one call prints in full (grouped or not); the rest are counted. */
export const MAX_PRINTED = 200;

/** Characters of a source line a code frame shows. */
const FRAME_WIDTH = 120;

type Colors = ReturnType<typeof pc.createColors>;

/** Line indexes of the sources, built on first use: one per file however many diagnostics point into it. */
class LineIndexCache {
  private readonly indexes = new Map<string, LineIndex | null>();
  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  get(file: string): LineIndex | undefined {
    let index = this.indexes.get(file);
    if (index === undefined) {
      const text = this.sources.get(file);
      index = text === undefined ? null : new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index ?? undefined;
  }
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  return formatOne(d, new LineIndexCache(options.sources), pc.createColors(options.color));
}

function formatOne(d: Diagnostic, lines: LineIndexCache, c: Colors): string {
  const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const place = d.position ? `${d.position.file}:${d.position.line}:${d.position.column}: ` : 'vita: ';
  let out = `${c.bold(place)}${severity}: ${shortenQuoted(d.message)} ${c.dim(`[${d.code}]`)}\n`;
  const index = d.position ? lines.get(d.position.file) : undefined;
  if (d.position && index) out += codeFrame(index, d.position.line, d.position.column, c);
  for (const hint of d.hints) out += `  ${c.cyan('hint')}: ${shortenQuoted(hint)}\n`;
  return out;
}

/** Quoted values of more characters than this are shortened in the terminal; the diagnostic keeps them whole. */
const QUOTED_MAX = 120;
const QUOTED_SHOWN = 60;

/**
 * A message with every quoted value longer than `QUOTED_MAX` characters cut to its first `QUOTED_SHOWN`, and
 * its length: a key of 50,000 characters (a paragraph pasted as a key) otherwise fills the terminal, once in
 * the message and again in the hint. The code frame below is clipped to the terminal's width already.
 */
export function shortenQuoted(text: string): string {
  return text.replace(/`([^`\n]+)`/g, (whole, value: string) => {
    if (value.length <= QUOTED_MAX) return whole;
    const characters = [...value];
    if (characters.length <= QUOTED_MAX) return whole;
    return `\`${characters.slice(0, QUOTED_SHOWN).join('')}…\` (${characters.length.toLocaleString('en-US')} characters)`;
  });
}

/**
 * The kind of a diagnostic, for grouping: its severity, code and message with every quoted value
 * (`` `...` ``) left out, so "unknown key `a`" and "unknown key `b`" are one kind.
 */
export function diagnosticKind(d: Diagnostic): string {
  return `${d.severity}\u0000${d.code}\u0000${d.message.replace(/`[^`\n]*`/g, '`…`')}`;
}

/** The diagnostics `formatDiagnostics` prints in full, and how many of each kind it leaves out after each. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): {
  shown: Diagnostic[];
  moreAfter: Map<Diagnostic, number>;
  hidden: number;
} {
  const totals = new Map<string, number>();
  const kinds = diagnostics.map((d) => {
    const kind = diagnosticKind(d);
    totals.set(kind, (totals.get(kind) ?? 0) + 1);
    return kind;
  });
  const printed = new Map<string, number>();
  const shown: Diagnostic[] = [];
  const moreAfter = new Map<Diagnostic, number>();
  let hidden = 0;
  diagnostics.forEach((d, i) => {
    const kind = kinds[i] as string;
    const total = totals.get(kind) as number;
    const done = printed.get(kind) ?? 0;
    // One left out would take as much room as showing it: a kind is cut only when two or more are left.
    if (total <= SHOWN_PER_KIND + 1 || done < SHOWN_PER_KIND) {
      shown.push(d);
      printed.set(kind, done + 1);
      if (total > SHOWN_PER_KIND + 1 && done + 1 === SHOWN_PER_KIND) moreAfter.set(d, total - SHOWN_PER_KIND);
    } else hidden++;
  });
  return { shown, moreAfter, hidden };
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  const lines = new LineIndexCache(options.sources);
  const c = pc.createColors(options.color);
  const parts: string[] = [];
  const { shown, moreAfter } = options.group
    ? groupDiagnostics(diagnostics)
    : { shown: diagnostics, moreAfter: new Map<Diagnostic, number>() };
  for (const d of shown.slice(0, MAX_PRINTED)) {
    parts.push(formatOne(d, lines, c));
    const more = moreAfter.get(d);
    if (more !== undefined) parts.push(`  ${c.dim(`… and ${more} more like this`)}\n`);
  }
  if (shown.length > MAX_PRINTED) parts.push(`${c.dim(notPrinted(shown.slice(MAX_PRINTED), moreAfter))}\n`);
  return parts.join('');
}

/** "… and 3,800 more not printed (12 errors, 3,788 warnings)": the diagnostics past MAX_PRINTED. */
function notPrinted(rest: readonly Diagnostic[], moreAfter: ReadonlyMap<Diagnostic, number>): string {
  let errors = 0;
  let total = 0;
  for (const d of rest) {
    const count = 1 + (moreAfter.get(d) ?? 0);
    total += count;
    if (d.severity === 'error') errors += count;
  }
  const n = (k: number) => k.toLocaleString('en-US');
  return `… and ${n(total)} more not printed (${n(errors)} ${errors === 1 ? 'error' : 'errors'}, ${n(total - errors)} ${total - errors === 1 ? 'warning' : 'warnings'}; the first ${MAX_PRINTED} are printed)`;
}

export function summary(diagnostics: readonly Diagnostic[], hidden = 0): string {
  let errors = 0;
  let promoted = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    if (d.fromWarning) promoted++;
  }
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let out = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (promoted > 0)
    out += ` (${promoted} of the errors ${promoted === 1 ? 'is a warning' : 'are warnings'}: --strict)`;
  if (hidden > 0) out += `; ${hidden} like others not shown (--verbose lists them all)`;
  return out;
}

function codeFrame(lines: LineIndex, line: number, column: number, c: Colors): string {
  let out = '';
  const width = String(Math.min(line + 1, lines.lineCount)).length;
  // A long line is shown from a little before the column (the same cut on every line of the frame).
  const from = column - 1 > FRAME_WIDTH - 20 ? column - 1 - (FRAME_WIDTH >> 1) : 0;
  for (let n = Math.max(1, line - 1); n <= Math.min(line + 1, lines.lineCount); n++) {
    const whole = lines.lineText(n);
    const raw = from > 0 ? `...${whole.slice(from, from + FRAME_WIDTH)}` : whole;
    const shown = raw.length > FRAME_WIDTH ? `${raw.slice(0, FRAME_WIDTH - 3)}...` : raw;
    const gutter = `${String(n).padStart(width)} | `;
    out += n === line ? `${c.bold('>')} ${gutter}${shown}\n` : `  ${c.dim(gutter)}${c.dim(shown)}\n`;
    if (n === line) {
      const before =
        from > 0 ? `...${whole.slice(from, column - 1)}` : whole.slice(0, Math.max(0, column - 1));
      // Spaces under the line, tabs kept so the caret lines up in any terminal.
      const prefix = before.includes('\t') ? before.replace(/[^\t]/g, ' ') : ' '.repeat(before.length);
      out += `  ${' '.repeat(width)} | ${prefix}${c.red('^')}\n`;
    }
  }
  return out;
}
