/**
 * A BibTeX reader that keeps the source offset of every entry, key and field, and recovers from errors.
 *
 * One pass over the text with a cursor; every loop moves the cursor forward, so reading is linear in the
 * size of the file. Values are sliced from the source, never built a character at a time. Why our own
 * reader and not a library: see docs/publications.md.
 *
 * Recovery: when an entry is malformed, the reader reports the problem at its line:column and resumes at
 * the next line that starts with `@`, so one bad entry never hides the others. A value that runs into a
 * line starting with an entry (`@type{`) is taken to be unclosed (the usual cause: a missing `}`); other
 * lines starting with `@` inside a value are text.
 *
 * What BibTeX or bibtexparser read, vita reads too, with a warning where the file is odd: an entry without
 * a key gets a generated one, a duplicate key is renamed (`key-2`), a missing comma between fields is
 * supplied. The rules are listed in docs/publications.md.
 */
import { type Diagnostic, type DiagnosticCode, error, warning } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../diagnostics/source-map.js';
import { ForwardSearch } from '../../util/forward-search.js';
import { MAX_BIBTEX_ENTRIES, MAX_VALUE_CHARS } from '../limits.js';
import { resolveCrossrefs } from './crossref.js';
import { generateKey } from './keys.js';
import type { BibEntry, BibField, BibFile, BibSegment } from './types.js';
import { KNOWN_ENTRY_TYPES, kindOf, MONTH_MACROS } from './vocabulary.js';

/**
 * The longest value macro expansion may build: the longest value vita reads (MAX_VALUE_CHARS, 100,000
 * characters). `@string{b = a # a}` chains double at each step; without a cap a few dozen lines would need
 * more memory than there is.
 */
export const MAX_EXPANDED_LENGTH = MAX_VALUE_CHARS;
/** Characters macro expansion may produce in one file, per character of the file (plus MAX_EXPANDED_LENGTH). */
const EXPANSION_PER_SOURCE_CHAR = 64;

const AT = 64;
const LBRACE = 123;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const QUOTE = 34;
const COMMA = 44;
const EQUALS = 61;
const HASH = 35;
const PERCENT = 37;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

const OPEN_SEARCH = 0;
const CLOSE_SEARCH = 1;
const LINE_AT_SEARCH = 2;

const isSpace = (c: number): boolean =>
  c === SPACE || c === NEWLINE || c === TAB || c === CR || c === 12 || c === 11;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** BibTeX identifiers (entry types, field and macro names): printable, none of `"#%'(),={}@`. */
function isIdentChar(c: number): boolean {
  if (c <= SPACE || c === 127 || Number.isNaN(c)) return false;
  return (
    c !== QUOTE &&
    c !== HASH &&
    c !== PERCENT &&
    c !== 39 &&
    c !== LPAREN &&
    c !== RPAREN &&
    c !== COMMA &&
    c !== EQUALS &&
    c !== LBRACE &&
    c !== RBRACE &&
    c !== AT
  );
}

/** Citation keys: anything printable but whitespace and `,{}()"=#%`. */
function isKeyChar(c: number): boolean {
  if (c <= SPACE || c === 127 || Number.isNaN(c)) return false;
  return (
    c !== COMMA &&
    c !== LBRACE &&
    c !== RBRACE &&
    c !== LPAREN &&
    c !== RPAREN &&
    c !== QUOTE &&
    c !== EQUALS &&
    c !== HASH &&
    c !== PERCENT
  );
}

interface ValueResult {
  readonly value: string;
  readonly segments: BibSegment[];
}

interface Failure {
  readonly offset: number;
  readonly message: string;
  readonly hints: string[];
  readonly code: DiagnosticCode;
}

export interface BibReadOptions {
  /**
   * `@string` macros defined before this file: the files of a publications section share their macros,
   * in order, as BibTeX's `\bibliography{a,b}` does. Pass the `strings` of the file read before.
   */
  readonly macros?: ReadonlyMap<string, string>;
  /**
   * Resolve `crossref` fields among this file's entries (default). `false` leaves them to
   * `resolveCrossrefs` over all the files of a list, where the parent may be in another file.
   */
  readonly resolveCrossrefs?: boolean;
}

/** Reads BibTeX text. Never throws; problems are returned as diagnostics positioned in `file`. */
export function readBibtex(text: string, file: string, options: BibReadOptions = {}): BibFile {
  const bib = new BibReader(text, file, options.macros).read();
  if (options.resolveCrossrefs === false || !bib.entries.some((e) => e.fields.has('crossref'))) return bib;
  const resolved = resolveCrossrefs(bib.entries.map((entry) => ({ bib, entry })));
  return {
    ...bib,
    entries: resolved.items.map((item) => item.entry),
    diagnostics: [...bib.diagnostics, ...resolved.diagnostics],
  };
}

class BibReader {
  private pos = 0;
  private readonly len: number;
  readonly lineIndex: LineIndex;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly entries: BibEntry[] = [];
  private readonly byKey = new Map<string, BibEntry>();
  private readonly byLowerKey = new Map<string, BibEntry>();
  private readonly strings: Map<string, string>;
  private readonly preambles: string[] = [];
  /** Next suffix to try when making a key unique (`key-2`, `key-3`), by key. */
  private readonly suffixes = new Map<string, number>();
  /** Characters macro expansion may still produce in this file. */
  private expansionBudget: number;
  /** `{`, `}` and `\n@` searches (OPEN_SEARCH, CLOSE_SEARCH, LINE_AT_SEARCH), so no text is searched twice. */
  private readonly searches: readonly ForwardSearch[];

  constructor(
    private readonly text: string,
    private readonly file: string,
    macros?: ReadonlyMap<string, string>,
  ) {
    this.len = text.length;
    this.lineIndex = new LineIndex(text);
    this.strings = new Map(macros);
    this.expansionBudget = EXPANSION_PER_SOURCE_CHAR * text.length + MAX_EXPANDED_LENGTH;
    this.searches = [
      new ForwardSearch(text, '{'),
      new ForwardSearch(text, '}'),
      new ForwardSearch(text, '\n@'),
    ];
  }

  read(): BibFile {
    while (this.pos < this.len) {
      const at = this.text.indexOf('@', this.pos);
      if (at < 0) break;
      const place = this.placeOf(at, this.pos);
      if (place === 'comment') {
        // `% @article{old, ...`: a commented-out entry (what its author meant; biber and JabRef agree).
        const eol = this.text.indexOf('\n', at);
        this.pos = eol < 0 ? this.len : eol + 1;
        continue;
      }
      this.pos = at;
      this.readAt(place === 'line-start');
    }
    return {
      file: this.file,
      text: this.text,
      lineIndex: this.lineIndex,
      entries: this.entries,
      strings: this.strings,
      preambles: this.preambles,
      diagnostics: this.diagnostics,
    };
  }

  // ------------------------------------------------------------------ helpers

  private code(i: number): number {
    return this.text.charCodeAt(i);
  }

  private position(offset: number) {
    return this.lineIndex.position(this.file, offset);
  }

  private where(offset: number): string {
    const p = this.position(offset);
    return `${p.file}:${p.line}:${p.column}`;
  }

  private report(
    severity: 'error' | 'warning',
    code: DiagnosticCode,
    offset: number,
    message: string,
    hints: string[] = [],
  ): void {
    const make = severity === 'error' ? error : warning;
    this.diagnostics.push(make({ code, message, position: this.position(offset), hints }));
  }

  /**
   * Where an `@` found between entries is: the first non-blank character of its line, after a `%` on its
   * line (a comment), or elsewhere in a line. Only the text between `scannedFrom` (where the top-level scan
   * resumed) and `at` is looked at, so the total work stays linear.
   */
  private placeOf(at: number, scannedFrom: number): 'line-start' | 'comment' | 'inline' {
    let i = at - 1;
    let blank = true;
    while (i >= scannedFrom) {
      const c = this.code(i);
      if (c === NEWLINE) break;
      if (c === PERCENT) return 'comment';
      if (c !== SPACE && c !== TAB) blank = false;
      i--;
    }
    if (!blank) return 'inline';
    return i < 0 || this.code(i) === NEWLINE ? 'line-start' : 'inline';
  }

  /** Offset of the next line that starts with `@` at or after `from`, or the end of the text. */
  private nextLineStartAt(from: number): number {
    const i = this.text.indexOf('\n@', from);
    return i < 0 ? this.len : i + 1;
  }

  /** Moves on to the next line that starts with `@` (staying put when already on one). */
  private recover(from: number): void {
    const onLineStart =
      from < this.len && this.code(from) === AT && (from === 0 || this.code(from - 1) === NEWLINE);
    this.pos = onLineStart ? from : this.nextLineStartAt(from);
  }

  /**
   * Skips blanks and `%` comments inside an entry. Returns false, with the cursor on the `@`, when a line
   * starting with `@` comes first (the current entry was not closed), or when the text ends.
   */
  private skipInside(): boolean {
    while (this.pos < this.len) {
      const c = this.code(this.pos);
      if (c === NEWLINE) {
        if (this.code(this.pos + 1) === AT) {
          this.pos++;
          return false;
        }
        this.pos++;
      } else if (isSpace(c)) {
        this.pos++;
      } else if (c === PERCENT) {
        const eol = this.text.indexOf('\n', this.pos);
        this.pos = eol < 0 ? this.len : eol;
      } else {
        return true;
      }
    }
    return false;
  }

  private nextEntryHint(): string[] {
    return this.pos < this.len
      ? [`the next entry starts at ${this.where(this.pos)}`]
      : ['the file ends first'];
  }

  // ------------------------------------------------------------------ top level

  private readAt(lineStart: boolean): void {
    const first = this.pos;
    let p = first;
    while (this.code(p) === AT) p++;
    const at = p - 1;
    let q = p;
    while (this.code(q) === SPACE || this.code(q) === TAB) q++;
    const typeStart = q;
    while (q < this.len && isIdentChar(this.code(q))) q++;
    const typeName = this.text.slice(typeStart, q);
    if (typeName === '') {
      if (lineStart) {
        this.report(
          'warning',
          'bibtex-syntax',
          first,
          '`@` is not followed by an entry type; the text up to the next `@` is ignored',
          ['entries look like `@article{key, title = {...}}`'],
        );
      }
      this.pos = p;
      return;
    }
    let r = q;
    while (r < this.len && isSpace(this.code(r))) r++;
    const open = this.code(r);
    if (open !== LBRACE && open !== LPAREN) {
      if (typeName.toLowerCase() === 'comment') {
        // `@comment text`: BibTeX ignores the word and the text after it.
        this.pos = q;
        return;
      }
      if (lineStart) {
        this.report('error', 'bibtex-syntax', r, `expected \`{\` after \`@${typeName}\``, [
          'entries look like `@article{key, title = {...}}`',
        ]);
        this.recover(r);
      } else {
        // `@` inside text between entries (an e-mail address): not an entry.
        this.pos = q;
      }
      return;
    }
    if (at > first) {
      this.report(
        'warning',
        'bibtex-stray-at',
        first,
        `stray \`@\`: \`${this.text.slice(first, q)}\` is read as \`@${typeName}\``,
        ['remove the extra `@`'],
      );
    }
    const close = open === LBRACE ? RBRACE : RPAREN;
    const type = typeName.toLowerCase();
    this.pos = r + 1;
    if (type === 'comment') this.skipComment(r, close);
    else if (type === 'preamble') this.readPreamble(r, close);
    else if (type === 'string') this.readStringMacro(r, close);
    else this.readEntry(at, typeStart, typeName, r, close);
  }

  private skipComment(open: number, close: number): void {
    let depth = 1;
    for (let i = open + 1; i < this.len; i++) {
      const c = this.code(i);
      if (c === NEWLINE && this.code(i + 1) === AT && this.isEntryStart(i + 1)) {
        this.report(
          'warning',
          'bibtex-unbalanced-braces',
          open,
          '`@comment` is not closed before the next entry',
        );
        this.pos = i + 1;
        return;
      }
      if (close === RBRACE ? c === LBRACE : c === LPAREN) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          return;
        }
      }
    }
    this.pos = this.len;
  }

  private readPreamble(open: number, close: number): void {
    if (!this.skipInside()) {
      this.unclosed(open, '@preamble');
      return;
    }
    const value = this.readValue();
    if ('message' in value) {
      this.fail(value);
      return;
    }
    if (!this.skipInside() || this.code(this.pos) !== close) {
      this.expectClose(open, '@preamble', close);
      return;
    }
    this.pos++;
    this.preambles.push(value.value);
  }

  /** `@string{name = value}`, also several definitions separated by commas: `@string{a = "x", b = "y"}`. */
  private readStringMacro(open: number, close: number): void {
    for (;;) {
      if (!this.readOneMacro(open, close)) return;
      if (!this.skipInside()) {
        this.unclosed(open, '@string');
        return;
      }
      const c = this.code(this.pos);
      if (c === close) {
        this.pos++;
        return;
      }
      if (c !== COMMA) {
        this.expectClose(open, '@string', close);
        return;
      }
      this.pos++;
    }
  }

  /** One `name = value` of a `@string`; false when the reader has moved on (an error, or the closing `}`). */
  private readOneMacro(open: number, close: number): boolean {
    if (!this.skipInside()) {
      this.unclosed(open, '@string');
      return false;
    }
    if (this.code(this.pos) === close) {
      this.pos++;
      return false;
    }
    const nameStart = this.pos;
    while (this.pos < this.len && isIdentChar(this.code(this.pos))) this.pos++;
    const name = this.text.slice(nameStart, this.pos);
    if (name === '') {
      this.report('error', 'bibtex-syntax', nameStart, 'expected a macro name: `@string{name = {value}}`');
      this.recover(nameStart);
      return false;
    }
    if (!this.skipInside() || this.code(this.pos) !== EQUALS) {
      this.report('error', 'bibtex-syntax', this.pos, `expected \`=\` after the macro name \`${name}\``);
      this.recover(this.pos);
      return false;
    }
    this.pos++;
    if (!this.skipInside()) {
      this.unclosed(open, '@string');
      return false;
    }
    const value = this.readValue();
    if ('message' in value) {
      this.fail(value);
      return false;
    }
    this.strings.set(name.toLowerCase(), value.value);
    return true;
  }

  private unclosed(open: number, what: string): void {
    this.report(
      'error',
      'bibtex-unbalanced-braces',
      open,
      `\`${what}\` is not closed: this \`{\` has no matching \`}\``,
      [...this.nextEntryHint()],
    );
    this.recover(this.pos);
  }

  private expectClose(open: number, what: string, close: number): void {
    if (this.pos >= this.len || this.code(this.pos) === AT) {
      this.unclosed(open, what);
      return;
    }
    this.report(
      'error',
      'bibtex-syntax',
      this.pos,
      `expected \`${String.fromCharCode(close)}\` to close \`${what}\``,
    );
    this.recover(this.pos);
  }

  private fail(failure: Failure): void {
    this.report('error', failure.code, failure.offset, failure.message, failure.hints);
    // readValue leaves the cursor on the `@` that stopped it, at the end, or on the offending character.
    this.recover(this.pos);
  }

  // ------------------------------------------------------------------ entries

  private readEntry(at: number, typeStart: number, typeName: string, open: number, close: number): void {
    if (!this.skipInside()) {
      this.unclosed(open, `@${typeName}`);
      return;
    }
    const keyOffset = this.pos;
    while (this.pos < this.len && isKeyChar(this.code(this.pos))) this.pos++;
    let key = this.text.slice(keyOffset, this.pos);
    const keyEnd = this.pos;
    const fields = new Map<string, BibField>();
    if (key === '') {
      // `@article{, title = ...}` or `@article{}`: an entry without a key.
      const c = this.code(this.pos);
      if (c === COMMA) {
        this.pos++;
      } else if (c !== close) {
        this.report(
          'error',
          'bibtex-syntax',
          this.pos,
          `unexpected \`${this.text[this.pos]}\` where the citation key of \`@${typeName}\` belongs`,
          ['entries look like `@article{key, title = {...}}`'],
        );
        this.recover(this.pos);
        return;
      }
    } else {
      if (!this.skipInside()) {
        this.unclosedEntry(open, `entry \`${key}\``);
        return;
      }
      const c = this.code(this.pos);
      if (c === EQUALS) {
        // `@article{title = ...}`: no key, the first field comes right after the brace.
        key = '';
        this.pos = keyOffset;
      } else if (c === COMMA) {
        this.pos++;
      } else if (c !== close) {
        if (isIdentChar(c)) {
          this.report('warning', 'bibtex-missing-comma', keyEnd, `missing \`,\` after the key \`${key}\``, [
            'the key is followed by a `,`: `@article{key, title = {...}}`',
          ]);
        } else {
          this.report(
            'error',
            'bibtex-syntax',
            this.pos,
            `unexpected \`${this.text[this.pos]}\` after the key \`${key}\`; expected \`,\``,
          );
          this.recover(this.pos);
          return;
        }
      }
    }
    const label = key === '' ? `the \`@${typeName}\` entry without a key` : `entry \`${key}\``;
    const outcome = this.readFields(label, fields, close);
    if (outcome === 'failed') return;
    if (outcome === 'unclosed') {
      // The fields were complete but the entry's own `}` is missing: keep the entry.
      this.unclosedEntry(open, label, fields);
      this.finishEntry(at, typeStart, typeName, key, keyOffset, label, fields, this.lastFieldEnd, false);
      return;
    }
    this.finishEntry(at, typeStart, typeName, key, keyOffset, label, fields, this.pos, true);
  }

  private lastFieldEnd = 0;

  /**
   * Reads `name = value` pairs up to the closing delimiter (consumed). `unclosed`: the fields are
   * complete but a line starting with `@` (or the end) came before the closing delimiter. `failed`: an
   * error was reported and the reader has moved on to the next entry. `label` names the entry in messages.
   */
  private readFields(
    label: string,
    fields: Map<string, BibField>,
    close: number,
  ): 'closed' | 'unclosed' | 'failed' {
    this.lastFieldEnd = this.pos;
    for (;;) {
      if (!this.skipInside()) return 'unclosed';
      const c = this.code(this.pos);
      if (c === close) {
        this.pos++;
        return 'closed';
      }
      if (c === COMMA) {
        this.pos++;
        continue;
      }
      const nameOffset = this.pos;
      while (this.pos < this.len && isIdentChar(this.code(this.pos))) this.pos++;
      if (nameOffset === this.pos) {
        const shown =
          c === RBRACE || c === RPAREN
            ? `\`${this.text[this.pos]}\` (the entry was opened with a different bracket)`
            : `\`${this.text[this.pos]}\``;
        this.report(
          'error',
          'bibtex-syntax',
          this.pos,
          `unexpected ${shown} in ${label}; expected a field name`,
        );
        this.recover(this.pos);
        return 'failed';
      }
      const name = this.text.slice(nameOffset, this.pos).toLowerCase();
      const nameEnd = this.pos;
      if (!this.skipInside() || this.code(this.pos) !== EQUALS) {
        const offset = this.pos >= this.len || this.code(this.pos) === AT ? nameEnd : this.pos;
        this.report(
          'error',
          'bibtex-syntax',
          offset,
          `expected \`=\` after the field name \`${name}\` in ${label}`,
        );
        this.recover(this.pos);
        return 'failed';
      }
      this.pos++;
      if (!this.skipInside()) {
        this.report('error', 'bibtex-syntax', nameOffset, `field \`${name}\` in ${label} has no value`);
        this.recover(this.pos);
        return 'failed';
      }
      const valueOffset = this.pos;
      const value = this.readValue();
      if ('message' in value) {
        this.fail(value);
        return 'failed';
      }
      const previous = fields.get(name);
      if (previous) {
        this.report(
          'warning',
          'bibtex-duplicate-field',
          nameOffset,
          `${label} sets \`${name}\` twice (first at ${this.where(previous.nameOffset)}); the last value is used`,
          ['remove one of them'],
        );
      }
      fields.set(name, { name, nameOffset, value: value.value, valueOffset, segments: value.segments });
      const valueEnd = this.pos;
      this.lastFieldEnd = valueEnd;
      if (!this.skipInside()) return 'unclosed';
      const next = this.code(this.pos);
      if (next === COMMA) {
        this.pos++;
      } else if (next === close) {
        this.pos++;
        return 'closed';
      } else if (isIdentChar(next)) {
        // The next field is read as if the comma were there (bibtexparser merged it into this value).
        this.report(
          'warning',
          'bibtex-missing-comma',
          valueEnd,
          `missing \`,\` after the value of \`${name}\` in ${label}; the next field is read as if it were there`,
          ['fields are separated by commas: `title = {...},`'],
        );
      } else {
        this.report(
          'error',
          'bibtex-syntax',
          this.pos,
          `unexpected \`${this.text[this.pos]}\` after the value of \`${name}\` in ${label}; expected \`,\` or \`${String.fromCharCode(close)}\``,
        );
        this.recover(this.pos);
        return 'failed';
      }
    }
  }

  private unclosedEntry(open: number, label: string, fields?: ReadonlyMap<string, BibField>): void {
    const hints = this.nextEntryHint();
    // The usual cause: a field's `}` is missing, so its value ran on and swallowed the fields after it.
    for (const field of fields?.values() ?? []) {
      if (/\n[ \t]*[A-Za-z_][\w-]*[ \t]*=/.test(field.value)) {
        hints.unshift(
          `the value of \`${field.name}\` (at ${this.where(field.valueOffset)}) runs into the next field: is its \`}\` missing?`,
        );
        break;
      }
    }
    this.report(
      'error',
      'bibtex-unbalanced-braces',
      open,
      `${label} is not closed: this \`{\` has no matching \`}\``,
      hints,
    );
  }

  /** `key` if no entry has it yet, else the first free `key-2`, `key-3`, ... */
  private uniqueKey(key: string): string {
    if (!this.byKey.has(key)) return key;
    let n = this.suffixes.get(key) ?? 2;
    while (this.byKey.has(`${key}-${n}`)) n++;
    this.suffixes.set(key, n + 1);
    return `${key}-${n}`;
  }

  private finishEntry(
    at: number,
    typeStart: number,
    typeName: string,
    writtenKey: string,
    keyOffset: number,
    label: string,
    fields: Map<string, BibField>,
    end: number,
    closed: boolean,
  ): void {
    const type = typeName.toLowerCase();
    const kind = kindOf(type);
    if (closed) this.checkRestOfLine(end, label);
    if (!KNOWN_ENTRY_TYPES.has(type)) {
      this.report(
        'warning',
        'bibtex-unknown-entry-type',
        typeStart,
        `unknown entry type \`@${typeName}\` (${label}); it is read like \`@${kind}\``,
        ['common types: @article, @inproceedings, @misc, @techreport, @phdthesis, @book'],
      );
    }
    let key = writtenKey;
    if (writtenKey === '') {
      key = this.uniqueKey(generateKey(fields));
      this.report(
        'warning',
        'bibtex-missing-key',
        keyOffset,
        `\`@${typeName}\` has no citation key; it is given the key \`${key}\``,
        [`write the key after the brace: \`@${typeName}{${key}, ...}\``],
      );
    } else {
      const previous = this.byKey.get(writtenKey);
      if (previous) {
        key = this.uniqueKey(writtenKey);
        this.report(
          'warning',
          'bibtex-duplicate-key',
          keyOffset,
          `duplicate key \`${writtenKey}\`: already defined at ${this.where(previous.keyOffset)}; both entries are kept, this one as \`${key}\``,
          ['rename or remove one of the two entries'],
        );
      } else {
        const caseTwin = this.byLowerKey.get(writtenKey.toLowerCase());
        if (caseTwin) {
          this.report(
            'warning',
            'bibtex-duplicate-key',
            keyOffset,
            `keys \`${caseTwin.key}\` (${this.where(caseTwin.keyOffset)}) and \`${writtenKey}\` differ only in case; BibTeX treats them as one`,
          );
        }
      }
    }
    const entry: BibEntry = {
      type,
      typeOffset: typeStart,
      kind,
      key,
      keyOffset,
      writtenKey,
      offset: at,
      end,
      fields,
      source: this.text.slice(at, end).trimEnd(),
    };
    this.byKey.set(key, entry);
    const lower = key.toLowerCase();
    if (!this.byLowerKey.has(lower)) this.byLowerKey.set(lower, entry);
    this.entries.push(entry);
    if (this.entries.length === MAX_BIBTEX_ENTRIES) {
      this.report(
        'error',
        'too-many-items',
        this.pos,
        `this file has more than ${MAX_BIBTEX_ENTRIES.toLocaleString('en-US')} entries, the most vita reads in one file; the rest is not read`,
        ['check that this is the right file'],
      );
      this.pos = this.len;
    }
  }

  /** Text after an entry's closing `}` on the same line usually means an extra `}` closed it early. */
  private checkRestOfLine(end: number, label: string): void {
    let i = end;
    while (i < this.len && (this.code(i) === SPACE || this.code(i) === TAB || this.code(i) === CR)) i++;
    if (i >= this.len) return;
    const c = this.code(i);
    if (c === NEWLINE || c === PERCENT || c === AT) return;
    const eol = this.text.indexOf('\n', i);
    const rest = this.text.slice(i, eol < 0 ? this.len : eol);
    if (c === COMMA || c === RBRACE || rest.includes('=')) {
      this.report(
        'error',
        'bibtex-unbalanced-braces',
        end - 1,
        `unbalanced braces: this \`}\` closes ${label}, and the text after it is ignored`,
        ['an extra `}` in a field value ends the entry early; remove it or write `\\}`'],
      );
    }
  }

  // ------------------------------------------------------------------ values

  /** `{...}`, `"..."`, a number or a macro name, joined with `#`. Leaves the cursor after the last part. */
  private readValue(): ValueResult | Failure {
    const parts: string[] = [];
    const segments: BibSegment[] = [];
    let length = 0;
    let truncated = false;
    for (;;) {
      const start = this.pos;
      const c = this.code(start);
      let part: string;
      let exact = true;
      let sourceOffset = start + 1;
      if (c === LBRACE) {
        const end = this.scanBraced(start);
        if (typeof end !== 'number') return end;
        part = this.text.slice(start + 1, end);
        this.pos = end + 1;
      } else if (c === QUOTE) {
        const end = this.scanQuoted(start);
        if (typeof end !== 'number') return end;
        part = this.text.slice(start + 1, end);
        this.pos = end + 1;
      } else if (isDigit(c)) {
        let i = start;
        while (isDigit(this.code(i))) i++;
        part = this.text.slice(start, i);
        sourceOffset = start;
        this.pos = i;
      } else if (isIdentChar(c)) {
        let i = start;
        while (i < this.len && isIdentChar(this.code(i))) i++;
        const name = this.text.slice(start, i);
        const lower = name.toLowerCase();
        const defined = this.strings.get(lower) ?? MONTH_MACROS.get(lower);
        if (defined === undefined) {
          // BibTeX reads it as empty; the name itself shows what was meant (`selected = true`, `journal = Nature`).
          this.report(
            'warning',
            'bibtex-undefined-macro',
            start,
            `undefined macro \`${name}\`; it is read as the text \`${name}\``,
            [`put text values in braces: \`{${name}}\`, or define it with \`@string{${name} = {...}}\``],
          );
          part = name;
        } else if (length + defined.length > MAX_EXPANDED_LENGTH || defined.length > this.expansionBudget) {
          if (!truncated) {
            this.report(
              'error',
              'bibtex-macro-too-long',
              start,
              `expanding the macro \`${name}\` makes this value longer than vita reads (${MAX_EXPANDED_LENGTH.toLocaleString('en-US')} characters, or the file's expansions too many); the rest of the value is dropped`,
              ['a chain like `@string{b = a # a}` doubles at every step; define the macros without it'],
            );
          }
          truncated = true;
          part = '';
        } else {
          this.expansionBudget -= defined.length;
          part = defined;
        }
        exact = false;
        sourceOffset = start;
        this.pos = i;
      } else {
        const shown = Number.isNaN(c) ? 'the end of the file' : `\`${this.text[start]}\``;
        return {
          code: 'bibtex-syntax',
          offset: start,
          message: `expected a value (\`{...}\`, \`"..."\`, a number or a macro name), found ${shown}`,
          hints: [],
        };
      }
      parts.push(part);
      segments.push({ valueOffset: length, sourceOffset, length: part.length, exact });
      length += part.length;
      const end = this.pos;
      if (this.skipInside() && this.code(this.pos) === HASH) {
        this.pos++;
        if (!this.skipInside()) {
          return {
            code: 'bibtex-syntax',
            offset: this.pos,
            message: 'expected a value after `#`',
            hints: [],
          };
        }
        continue;
      }
      this.pos = end;
      break;
    }
    const value = parts.length === 1 ? (parts[0] as string) : parts.join('');
    return length > MAX_VALUE_CHARS ? this.cutValue(value, segments) : { value, segments };
  }

  /** A value past MAX_VALUE_CHARS: an error where the limit is crossed, and the value cut there. */
  private cutValue(value: string, segments: BibSegment[]): ValueResult {
    const kept = segments.filter((s) => s.valueOffset < MAX_VALUE_CHARS);
    const last = kept[kept.length - 1] as BibSegment;
    const inLast = MAX_VALUE_CHARS - last.valueOffset;
    kept[kept.length - 1] = { ...last, length: Math.min(last.length, inLast) };
    this.report(
      'error',
      'value-too-long',
      last.exact ? last.sourceOffset + inLast : last.sourceOffset,
      `this value is ${value.length.toLocaleString('en-US')} characters long; vita reads field values of up to ${MAX_VALUE_CHARS.toLocaleString('en-US')}, and cuts it here`,
      ['an unclosed brace or quote can swallow the rest of the file; check the value'],
    );
    return { value: value.slice(0, MAX_VALUE_CHARS), segments: kept };
  }

  /** Offset of the `}` matching the `{` at `open`; braces are counted as BibTeX counts them (`\{` too). */
  private scanBraced(open: number): number | Failure {
    // Jumps from brace to brace with indexOf (native, vectorised) instead of visiting every character:
    // abstracts are most of a .bib file.
    let depth = 1;
    let i = open + 1;
    for (;;) {
      const close = this.nextOf(CLOSE_SEARCH, i);
      const opening = this.nextOf(OPEN_SEARCH, i);
      const lineAt = this.nextEntryLine(i);
      const limit = close < 0 ? this.len : close;
      if (lineAt >= 0 && lineAt < limit && (opening < 0 || lineAt < opening)) {
        this.pos = lineAt + 1;
        return this.unbalanced(open);
      }
      if (close < 0) {
        this.pos = this.len;
        return this.unbalanced(open);
      }
      if (opening >= 0 && opening < close) {
        depth++;
        i = opening + 1;
      } else {
        depth--;
        if (depth === 0) return close;
        i = close + 1;
      }
    }
  }

  /**
   * Whether an entry starts at `at` (an `@`): `@type{` or `@type(`. A line inside a value that starts with
   * `@` but not like this (`@home devices ...` in an abstract) is text, as BibTeX reads it.
   */
  private isEntryStart(at: number): boolean {
    let q = at;
    while (this.code(q) === AT) q++;
    const start = q;
    while (q < this.len && q - start < 64 && isIdentChar(this.code(q))) q++;
    if (q === start) return false;
    const typeEnd = q;
    while (q < this.len && q - typeEnd < 64 && isSpace(this.code(q))) q++;
    const c = this.code(q);
    return c === LBRACE || c === LPAREN;
  }

  private readonly entryLineSearch = { from: -1, at: -1 };

  /**
   * Offset of the next `\n` followed by an entry start (see isEntryStart) at or after `from` (-1: none).
   * Remembers its last answer, like nextOf, so each `\n@` is looked at once.
   */
  private nextEntryLine(from: number): number {
    const search = this.entryLineSearch;
    if (search.from >= 0 && from >= search.from && (search.at < 0 || search.at >= from)) return search.at;
    let at = this.nextOf(LINE_AT_SEARCH, from);
    while (at >= 0 && !this.isEntryStart(at + 1)) at = this.nextOf(LINE_AT_SEARCH, at + 1);
    search.from = from;
    search.at = at;
    return at;
  }

  /** Offset of the next occurrence of a search's needle at or after `from` (-1: none). */
  private nextOf(index: number, from: number): number {
    return (this.searches[index] as ForwardSearch).next(from);
  }

  private scanQuoted(open: number): number | Failure {
    let depth = 0;
    for (let i = open + 1; i < this.len; i++) {
      const c = this.code(i);
      if (c === LBRACE) depth++;
      else if (c === RBRACE) {
        if (depth === 0) {
          this.pos = i;
          return {
            code: 'bibtex-unbalanced-braces',
            offset: i,
            message: 'unbalanced braces: `}` without a matching `{` inside a quoted value',
            hints: ['braces inside `"..."` must be balanced; write `\\}` for a literal brace'],
          };
        }
        depth--;
      } else if (c === QUOTE && depth === 0) {
        return i;
      } else if (c === NEWLINE && this.code(i + 1) === AT && this.isEntryStart(i + 1)) {
        this.pos = i + 1;
        return this.unclosedQuote(open);
      }
    }
    this.pos = this.len;
    return this.unclosedQuote(open);
  }

  private unbalanced(open: number): Failure {
    return {
      code: 'bibtex-unbalanced-braces',
      offset: open,
      message: 'unbalanced braces: this `{` is never closed',
      hints: [...this.nextEntryHint(), 'add the missing `}`'],
    };
  }

  private unclosedQuote(open: number): Failure {
    return {
      code: 'bibtex-unbalanced-braces',
      offset: open,
      message: 'this `"` is never closed (or a `{` inside it is not)',
      hints: [...this.nextEntryHint()],
    };
  }
}
