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
  /** Offsets in `text` of the opening quote of each scalar that was re-indented, in file order. */
  readonly scalars: readonly number[];
}

/** The lexer's control tokens (document start, flow error end, scalar start) have no source text. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** A file with more broken scalars than this is not a CV: stop re-indenting and let the errors show. */
const MAX_SCALARS = 1000;

/** Re-indents quoted scalars the `yaml` package cuts short; undefined when there is none (or none to mend). */
export function reindentQuotedScalars(original: string): Reindented | undefined {
  let text = original;
  const added = new Map<number, number>();
  const scalars: number[] = [];
  let searchFrom = 0;
  while (scalars.length < MAX_SCALARS) {
    const cut = firstCutScalar(text, searchFrom);
    if (!cut) break;
    const mended = reindent(text, cut.start, cut.end);
    if (!mended) break;
    text = mended.text;
    for (const [line, count] of mended.added) added.set(line, (added.get(line) ?? 0) + count);
    scalars.push(cut.start);
    searchFrom = cut.start + 1;
  }
  return scalars.length > 0 ? { text, added, scalars } : undefined;
}

/** The first quoted scalar at or after `from` that the lexer ended before its closing quote. */
function firstCutScalar(text: string, from: number): { start: number; end: number } | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && CONTROL_TOKENS.has(token)) continue;
    const first = token[0];
    if ((first === '"' || first === "'") && offset >= from) {
      const end = closingQuote(text, offset);
      if (end > offset + token.length - 1) return { start: offset, end };
    }
    offset += token.length;
  }
  return undefined;
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
): { text: string; added: Map<number, number> } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const target = start - lineStart;
  let line = countNewlines(text, 0, start);
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

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
