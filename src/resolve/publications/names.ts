/**
 * BibTeX author lists: splitting on `and`, the three name forms, and the display name "First von Last".
 *
 * Works on the raw field text (LaTeX), at brace depth 0, as BibTeX does:
 * - names are separated by the word `and` (any case, any whitespace around it);
 * - `First von Last`, `von Last, First` and `von Last, Jr, First`; the von part is the run of words that
 *   start with a lowercase letter (`van der`, `de`), and the last word always belongs to the last name;
 * - `{Braced Corp}` is one word with no case, so it never counts as von;
 * - `and others` truncates the list ("et al.").
 * Every piece keeps its offset in the field, so problems point at the right column.
 */

export interface NameSpan {
  /** Raw text (LaTeX) of the piece, as written. */
  readonly text: string;
  /** Offset in the author field's value. */
  readonly offset: number;
}

export interface ParsedName {
  /** The whole name as written. */
  readonly raw: NameSpan;
  readonly first: NameSpan | undefined;
  readonly von: NameSpan | undefined;
  readonly last: NameSpan | undefined;
  readonly jr: NameSpan | undefined;
}

export interface NameProblem {
  readonly offset: number;
  readonly message: string;
}

/**
 * A name as written in the list, not yet split into its parts (`parseWrittenName` does that): a CV's
 * co-authors recur, and the parts are needed only the first time a name is met (authors.ts).
 */
export interface WrittenName {
  /** The whole name as written. */
  readonly raw: NameSpan;
  /** Its words and depth-0 commas. */
  readonly tokens: readonly Token[];
}

export interface WrittenNameList {
  readonly names: readonly WrittenName[];
  /** `and others` was written. */
  readonly othersTruncated: boolean;
  readonly problems: readonly NameProblem[];
}

export interface NameList {
  readonly names: readonly ParsedName[];
  /** `and others` was written. */
  readonly othersTruncated: boolean;
  readonly problems: readonly NameProblem[];
}

export interface Token {
  readonly kind: 'word' | 'comma';
  readonly start: number;
  readonly end: number;
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;

/** Words and depth-0 commas of a name list. Whitespace inside braces does not split a word. */
function tokenize(field: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && depth > 0) depth--;
    if (depth === 0 && (isBlank(c) || c === 44)) {
      if (start >= 0) tokens.push({ kind: 'word', start, end: i });
      start = -1;
      if (c === 44) tokens.push({ kind: 'comma', start: i, end: i + 1 });
      continue;
    }
    if (start < 0) start = i;
  }
  if (start >= 0) tokens.push({ kind: 'word', start, end: field.length });
  return tokens;
}

/** `and` in any case at `at` (ASCII only: no other character lowercases to `a`, `n` or `d`), read in place. */
const isAnd = (field: string, at: number): boolean =>
  (field.charCodeAt(at) | 32) === 97 &&
  (field.charCodeAt(at + 1) | 32) === 110 &&
  (field.charCodeAt(at + 2) | 32) === 100;

/** Splits an author (or editor) field into parsed names. Never throws. */
export function parseNameList(field: string): NameList {
  const list = splitNameList(field);
  return {
    names: list.names.map((name) => parseWrittenName(field, name)),
    othersTruncated: list.othersTruncated,
    problems: list.problems,
  };
}

/**
 * Splits an author (or editor) field into the names written in it, with every problem of the list (an
 * empty name, a name with too many commas). Never throws.
 */
export function splitNameList(field: string): WrittenNameList {
  const tokens = tokenize(field);
  const names: WrittenName[] = [];
  const problems: NameProblem[] = [];
  let othersTruncated = false;
  let current: Token[] = [];
  let lastAnd: Token | undefined;
  const flush = () => {
    let words = 0;
    let commas = 0;
    let thirdComma: Token | undefined;
    for (const token of current) {
      if (token.kind === 'word') words++;
      else if (++commas === 3) thirdComma = token;
    }
    const only = current.length === 1 && words === 1 ? (current[0] as Token) : undefined;
    if (only && field.slice(only.start, only.end).toLowerCase() === 'others') othersTruncated = true;
    else if (words === 0)
      problems.push({
        offset: (current[0] as Token).start,
        message: 'empty name in the author list (only a comma)',
      });
    else {
      const raw = span(field, current) ?? { text: '', offset: 0 };
      if (thirdComma !== undefined) {
        problems.push({
          offset: thirdComma.start,
          message: `too many commas in the name \`${raw.text}\` (BibTeX names have at most two: \`von Last, Jr, First\`)`,
        });
      }
      names.push({ raw, tokens: current });
    }
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word' && token.end - token.start === 3 && isAnd(field, token.start)) {
      if (current.length === 0)
        problems.push({
          offset: token.start,
          message: 'empty name in the author list (no name before this `and`)',
        });
      else flush();
      lastAnd = token;
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) flush();
  else if (lastAnd)
    problems.push({
      offset: lastAnd.start,
      message: 'empty name in the author list (no name after this `and`)',
    });
  return { names, othersTruncated, problems };
}

function span(field: string, words: readonly Token[]): NameSpan | undefined {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  return { text: field.slice(first.start, last.end), offset: first.start };
}

/** A written name split into its parts: `First von Last`, `von Last, First` or `von Last, Jr, First`. */
export function parseWrittenName(field: string, name: WrittenName): ParsedName {
  const { raw, tokens } = name;
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'comma') parts.push([]);
    else (parts[parts.length - 1] as Token[]).push(token);
  }
  const isLower = (t: Token) => wordCase(field, t.start, t.end) === 'lower';
  if (parts.length === 1) {
    const words = parts[0] as Token[];
    const n = words.length;
    let firstLower = -1;
    let lastLower = -1;
    for (let i = 0; i < n - 1; i++) {
      if (isLower(words[i] as Token)) {
        if (firstLower < 0) firstLower = i;
        lastLower = i;
      }
    }
    if (firstLower < 0) {
      return {
        raw,
        first: span(field, words.slice(0, n - 1)),
        von: undefined,
        last: span(field, words.slice(n - 1)),
        jr: undefined,
      };
    }
    return {
      raw,
      first: span(field, words.slice(0, firstLower)),
      von: span(field, words.slice(firstLower, lastLower + 1)),
      last: span(field, words.slice(lastLower + 1)),
      jr: undefined,
    };
  }
  const vonLast = parts[0] as Token[];
  let lastLower = -1;
  for (let i = 0; i < vonLast.length - 1; i++) if (isLower(vonLast[i] as Token)) lastLower = i;
  const firstWords = parts.length === 2 ? (parts[1] as Token[]) : parts.slice(2).flat();
  return {
    raw,
    first: span(field, firstWords),
    von: span(field, vonLast.slice(0, lastLower + 1)),
    last: span(field, vonLast.slice(lastLower + 1)),
    jr: parts.length >= 3 ? span(field, parts[1] as Token[]) : undefined,
  };
}

const ACCENT_COMMANDS = new Set(['c', 'v', 'u', 'H', 'r', 'k', 'd', 'b', 't']);

/**
 * The case of a word as BibTeX sees it: the first letter at brace depth 0; a special character
 * `{\'e}` or `\'E` counts with the letter it accents (`{\ss}`, `{\o}`: the command's own case); a word
 * whose letters are all inside plain braces has no case.
 */
export function wordCase(text: string, start: number, end: number): 'lower' | 'upper' | 'caseless' {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i] as string;
    if (c === '{') {
      if (depth === 0 && text[i + 1] === '\\') return commandCase(text, i + 1, end);
      depth++;
    } else if (c === '}') {
      if (depth > 0) depth--;
    } else if (depth === 0) {
      if (c === '\\') return commandCase(text, i, end);
      if (c.toLowerCase() !== c.toUpperCase()) return c === c.toLowerCase() ? 'lower' : 'upper';
    }
  }
  return 'caseless';
}

/** Case of the special character whose backslash is at `i`. */
function commandCase(text: string, i: number, end: number): 'lower' | 'upper' | 'caseless' {
  let j = i + 1;
  let name = '';
  while (j < end && /[a-zA-Z]/.test(text[j] as string)) name += text[j++];
  if (name === '' || ACCENT_COMMANDS.has(name)) {
    if (name === '') j++; // a one-character accent like \' or \"
    for (; j < end; j++) {
      const c = text[j] as string;
      if (c === '\\') {
        const m = /^\\([a-zA-Z]+)/.exec(text.slice(j, Math.min(end, j + 16)));
        if (m?.[1]) return caseOf(m[1]);
        continue;
      }
      if (c.toLowerCase() !== c.toUpperCase()) return caseOf(c);
    }
    return 'caseless';
  }
  return caseOf(name);
}

const caseOf = (s: string): 'lower' | 'upper' => (s[0] === s[0]?.toLowerCase() ? 'lower' : 'upper');
