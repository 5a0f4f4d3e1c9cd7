/**
 * PyYAML ignores the indentation of the continuation lines of a quoted scalar: `"first line` at the end of a
 * key may go on at column 0. The `yaml` package cuts the scalar at the first line indented less than the
 * block it belongs to, and reports an error. Real CVs written for the original tool rely on PyYAML's reading,
 * so before giving up on such a file, vita indents those continuation lines (in a copy of the text) up to the
 * column of the opening quote and parses again. Only spaces at the start of lines inside quoted scalars are
 * added: every line keeps its number, the value is unchanged (a quoted scalar's line breaks fold the same way
 * whatever the indentation), and positions map back to the file as written (`added`).
 */
import { Lexer } from 'yaml';

export interface Reindented {
  readonly text: string;
  /** Spaces added at the start of a line, by 0-based line number. */
  readonly added: ReadonlyMap<number, number>;
  /** Where each re-indented scalar opens in the file as written (0-based line and column), in file order. */
  readonly scalars: readonly { readonly line: number; readonly column: number }[];
}

/** The lexer's control tokens (document start, flow error end, scalar start) have no source text. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** A file with more broken scalars than this is not a CV: stop re-indenting and let the errors show. */
const MAX_SCALARS = 1000;

/**
 * Re-indents the quoted scalars the `yaml` package cuts short; undefined when there is none to mend.
 *
 * Each pass lexes the text and mends every cut scalar it sees (one after another's true end), then lexes
 * again, until none is left: usually one or two passes. After a cut, the lexer may misread the rest of the
 * file, so the result is checked: each mended scalar must be a whole quoted token of the final text. If one is
 * not, the text is mended again from the start, one scalar a pass (slower, but each step lexes a text whose
 * earlier part is right).
 */
export function reindentQuotedScalars(original: string): Reindented | undefined {
  const fast = mend(original, true);
  if (!fast) return undefined;
  const inText = fast.starts.map(({ line, column }) => ({
    line,
    column: column + (fast.added.get(line) ?? 0),
  }));
  if (wholeTokens(fast.text, inText)) return result(fast);
  const slow = mend(original, false);
  return slow && result(slow);
}

interface Mended {
  text: string;
  added: Map<number, number>;
  /** The opening quotes: 0-based line and column in the file as written. */
  starts: { line: number; column: number }[];
}

function result(mended: Mended): Reindented {
  const scalars = [...mended.starts].sort((a, b) => a.line - b.line || a.column - b.column);
  return { text: mended.text, added: mended.added, scalars };
}

function mend(original: string, batch: boolean): Mended | undefined {
  let text = original;
  const added = new Map<number, number>();
  const starts: { line: number; column: number }[] = [];
  const tried = new Set<string>();
  while (starts.length < MAX_SCALARS) {
    // Columns in the file as written: spaces are only ever added at the start of a line.
    const written = (cut: Cut) => cut.column - (added.get(cut.line) ?? 0);
    const cuts = cutScalars(text, batch).filter((c) => !tried.has(`${c.line}:${written(c)}`));
    if (cuts.length === 0) break;
    // From the last to the first, so the offsets of the earlier ones stay right.
    for (const cut of cuts.slice(0, MAX_SCALARS - starts.length).reverse()) {
      const start = { line: cut.line, column: written(cut) };
      tried.add(`${start.line}:${start.column}`);
      const mended = reindent(text, cut.start, cut.end, cut.line);
      if (!mended) continue;
      text = mended.text;
      for (const [line, count] of mended.added) added.set(line, (added.get(line) ?? 0) + count);
      starts.push(start);
    }
  }
  return starts.length > 0 ? { text, added, starts } : undefined;
}

interface Cut {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** The quoted scalars the lexer ends before their closing quote: all of them (`batch`), or the first. */
function cutScalars(text: string, batch: boolean): Cut[] {
  const cuts: Cut[] = [];
  let offset = 0;
  let line = 0;
  let lineStart = 0;
  let skipUntil = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && CONTROL_TOKENS.has(token)) continue;
    const first = token[0];
    if ((first === '"' || first === "'") && offset >= skipUntil) {
      const end = closingQuote(text, offset);
      if (end > offset + token.length - 1) {
        cuts.push({ start: offset, end, line, column: offset - lineStart });
        if (!batch) break;
        skipUntil = end + 1;
      }
    }
    for (let nl = token.indexOf('\n'); nl !== -1; nl = token.indexOf('\n', nl + 1)) {
      line += 1;
      lineStart = offset + nl + 1;
    }
    offset += token.length;
  }
  return cuts;
}

/** Whether each opening quote at `starts` begins a whole quoted token when `text` is lexed. */
function wholeTokens(text: string, starts: readonly { line: number; column: number }[]): boolean {
  const whole = new Set<string>();
  let offset = 0;
  let line = 0;
  let lineStart = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && CONTROL_TOKENS.has(token)) continue;
    const first = token[0];
    if ((first === '"' || first === "'") && closingQuote(text, offset) === offset + token.length - 1)
      whole.add(`${line}:${offset - lineStart}`);
    for (let nl = token.indexOf('\n'); nl !== -1; nl = token.indexOf('\n', nl + 1)) {
      line += 1;
      lineStart = offset + nl + 1;
    }
    offset += token.length;
  }
  return starts.every(({ line: l, column }) => whole.has(`${l}:${column}`));
}

/** Offset of the quote that closes the scalar opened at `start` (PyYAML's scanning), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote === '"' && c === '\\') i += 2;
    else if (c === quote && quote === "'" && text[i + 1] === "'") i += 2;
    else if (c === quote) return i;
    else i += 1;
  }
  return -1;
}

function reindent(
  text: string,
  start: number,
  end: number,
  startLine: number,
): { text: string; added: Map<number, number> } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const target = start - lineStart;
  let line = startLine;
  const added = new Map<number, number>();
  let out = text.slice(0, start);
  let at = start;
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    line += 1;
    out += text.slice(at, nl + 1);
    at = nl + 1;
    let indent = 0;
    while (text[at + indent] === ' ') indent += 1;
    const rest = text[at + indent];
    if (rest === '\n' || rest === '\r' || rest === undefined) continue; // a blank line folds the same
    // PyYAML refuses a document marker at column 0 inside a quoted scalar: leave it to the parser's error.
    if (indent === 0 && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(at, at + 4))) return undefined;
    if (indent < target) {
      out += ' '.repeat(target - indent);
      added.set(line, target - indent);
    }
  }
  if (added.size === 0) return undefined;
  return { text: out + text.slice(at), added };
}
