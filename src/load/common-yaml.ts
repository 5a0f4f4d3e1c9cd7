/**
 * A fast reader for the YAML that CV files are written in: block mappings and lists, plain, quoted and
 * block (`|`, `>`) scalars, one-line flow lists and mappings (`[a, b]`, `{a: b}`), comments, and a `---`
 * first line. It builds the same nodes (values, styles, source text, ranges) the `yaml` package's
 * `parseDocument` builds for such a file, in one linear pass and about a tenth of the time, so everything
 * that reads the document (YamlSource's data, positions, duplicate-key warnings, limits) works unchanged.
 *
 * Anything else, or any doubt, and it gives up (returns undefined) at once, and the `yaml` package reads
 * the file: anchors, aliases, merge keys, tags, `?` keys, directives, several documents, tabs outside
 * comments, CR, control characters, explicit block-scalar indentation, flow collections over several lines, every syntax error
 * (the `yaml` package reports those), unusual indentation. test/load/common-yaml.test.ts checks that,
 * whenever it accepts a file, the result equals the `yaml` package's, on every YAML file of the
 * repository and the corpus and on thousands of mutations of them.
 */
import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type Node = Scalar | YAMLMap | YAMLSeq;

/** Thrown to give up; caught once, in `readCommonYaml`. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Flow collections nested deeper than this, or block ones, are left to the `yaml` package. */
const MAX_FLOW_DEPTH = 8;
const MAX_BLOCK_DEPTH = 40;
/** The `yaml` package refuses an implicit key longer than 1024 characters. */
const MAX_KEY_CHARS = 1000;

/**
 * Characters the fast reader leaves to the `yaml` package: CR, controls, BOM, NEL, Unicode line breaks. A
 * tab is read only inside a comment (`readCommonYaml` checks each one after the read).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it finds
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

const PARSE_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false } as const;

/** A quoted value continued on lines indented less than its key: its opening quote (0-based). */
export interface QuotedIndent {
  readonly line: number;
  readonly column: number;
}

/** A file with more quoted values to re-indent than this is left to the `yaml` package's path. */
const MAX_QUOTED_INDENTS = 100;

/**
 * The document as `parseDocument(text, PARSE_OPTIONS)` would make it (after YamlSource's re-indentation of
 * quoted values, quoted-indent.ts: `quotedIndents` lists them), or undefined when the fast reader gives up.
 */
export function readCommonYaml(
  text: string,
): { document: Document.Parsed; quotedIndents: readonly QuotedIndent[] } | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    const reader = new CommonYamlReader(text);
    const document = reader.document();
    // The reader reads a tab as any other character; one outside the comments it skipped was read as
    // content or as space, which the `yaml` package may read otherwise.
    if (text.includes('\t') && !tabsOnlyInComments(text, reader.comments)) return undefined;
    return { document, quotedIndents: reader.quotedIndents };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/** Whether every tab of `text` follows, on its line, the `#` of a comment the reader skipped. */
function tabsOnlyInComments(text: string, comments: ReadonlySet<number>): boolean {
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', tab + 1)) {
    let inComment = false;
    for (let i = text.lastIndexOf('\n', tab) + 1; i < tab && !inComment; i++) inComment = comments.has(i);
    if (!inComment) return false;
  }
  return true;
}

/** Characters that may not start a plain scalar (or that the fast reader leaves alone there). */
const INDICATORS = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);
/**
 * The first characters of every plain scalar the YAML 1.1 schema does not read as text (null, bool, int,
 * float, timestamp); other scalars skip its regular expressions (the test checks this against them).
 */
export const MAY_BE_TYPED = /^(?:$|[-+.~0-9nNyYtTfFoOeE])/;

/** What ends a plain scalar's text on a line (see `plainStop`). */
const PLAIN_STOP = / #|:(?=[ \n]|$)|\n/g;
const FLOW_INDICATORS = new Set([',', '[', ']', '{', '}']);

interface ScalarTag {
  readonly default?: unknown;
  readonly format?: string;
  readonly test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

class CommonYamlReader {
  private readonly doc: Document.Parsed;
  private readonly tags: readonly ScalarTag[];
  private readonly stringTag: ScalarTag;
  private readonly tagOf = new Map<string, ScalarTag>();
  /** Start of the line the reader is at (between nodes, always a line start). */
  private pos = 0;
  private depth = 0;
  /** Quoted scalars continued on lines indented less than their key, in file order. */
  readonly quotedIndents: { line: number; column: number }[] = [];
  /** The offsets of the `#` of each comment skipped (a comment runs to the end of its line). */
  readonly comments = new Set<number>();
  /** The line number of an offset, counted on from the last one asked. */
  private lineCount = { offset: 0, line: 0 };

  constructor(private readonly text: string) {
    this.doc = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
    const schema = this.doc.schema as unknown as { tags: ScalarTag[]; compat: unknown };
    if (schema.compat) giveUp();
    this.tags = schema.tags.filter((t) => t.default === true && t.test !== undefined);
    const str = schema.tags.find((t) => (t as unknown as { tag: string }).tag === 'tag:yaml.org,2002:str');
    if (!str) giveUp();
    this.stringTag = str;
  }

  document(): Document.Parsed {
    const text = this.text;
    if (text.startsWith('---')) {
      // `---` alone on the first line (a comment may follow).
      const after = this.skipSpaces(3);
      if (after === 3 && text[3] !== '\n' && text[3] !== undefined) giveUp();
      if (!this.atLineEnd(after)) giveUp();
      this.pos = this.nextLine(after);
      (this.doc.directives as { docStart: boolean | null }).docStart = true;
    }
    const first = this.peek();
    if (first === undefined || first.indent !== 0) giveUp();
    // A CV is a mapping: a scalar alone (its continuation lines at column 0) is left to the `yaml` package.
    if (!this.isSeqMark(first.start) && this.keyEnd(first.start) === undefined) giveUp();
    const contents = this.blockNode(-1, first.start, first.indent);
    if (this.peek() !== undefined) giveUp();
    this.doc.contents = contents as never;
    this.doc.range = [0, text.length, text.length];
    return this.doc;
  }

  // --- lines ---

  /** The next line with content (not blank, not only a comment) from `pos`, which moves to its start. */
  private peek(): { start: number; indent: number } | undefined {
    const text = this.text;
    let start = this.pos;
    while (start < text.length) {
      let i = start;
      while (text.charCodeAt(i) === 32) i++;
      const c = text[i];
      if (c === '\n') {
        start = i + 1;
        continue;
      }
      if (c === undefined) break;
      if (c === '#') {
        this.comments.add(i);
        start = this.nextLine(i);
        continue;
      }
      if (i === start && (text.startsWith('---', i) || text.startsWith('...', i))) {
        const after = text[i + 3];
        if (after === undefined || after === ' ' || after === '\n') giveUp();
      }
      this.pos = start;
      return { start, indent: i - start };
    }
    this.pos = text.length;
    return undefined;
  }

  /** Start of the line after the one `i` is on (or the end of the text). */
  private nextLine(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private skipSpaces(i: number): number {
    while (this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /**
   * Whether only a line end, the text's end or a comment (after a space) follows `i` (at a non-space). Every
   * caller then goes on at the next line or gives up, so a comment found here is recorded as skipped.
   */
  private atLineEnd(i: number): boolean {
    const c = this.text[i];
    if (c === undefined || c === '\n') return true;
    if (c !== '#' || this.text[i - 1] !== ' ') return false;
    this.comments.add(i);
    return true;
  }

  /** After a value that ends at `i`: spaces, maybe a comment, the line end; the offset past them. */
  private endOfLine(i: number): number {
    const j = this.skipSpaces(i);
    if (!this.atLineEnd(j)) giveUp();
    return this.nextLine(j);
  }

  private isSeqMark(i: number): boolean {
    if (this.text[i] !== '-') return false;
    const next = this.text[i + 1];
    return next === ' ' || next === '\n' || next === undefined;
  }

  // --- block collections ---

  /** The node starting at `at`, the first content of its line (at `column`), inside a parent indented `parent`. */
  private blockNode(parent: number, at: number, column: number): Node {
    const text = this.text;
    if (this.isSeqMark(at)) return this.blockSeq(column);
    if (this.keyEnd(at) !== undefined) return this.blockMap(column, at);
    const c = text[at];
    if (c === '"' || c === "'") return this.quoted(parent, at);
    if (INDICATORS.has(c as string)) giveUp();
    return this.plain(parent, at);
  }

  private enter(): void {
    if (++this.depth > MAX_BLOCK_DEPTH) giveUp();
  }

  /** A block mapping whose keys are at `column`; the first key is at `first` (maybe after `- `). */
  private blockMap(column: number, first: number): YAMLMap {
    this.enter();
    const map = new YAMLMap(this.doc.schema);
    let at = first;
    let end = first;
    for (;;) {
      const keyEnd = this.keyEnd(at);
      if (keyEnd === undefined) giveUp();
      const key = this.key(at, keyEnd.end);
      const value = this.mapValue(column, keyEnd.colon + 1);
      map.items.push(new Pair(key, value));
      end = (value.range as number[])[2] as number;
      const next = this.peek();
      if (next === undefined || next.indent < column) break;
      if (next.indent > column) giveUp();
      at = next.start + column;
      if (this.isSeqMark(at)) giveUp(); // a list item among keys
    }
    map.range = [first, end, end];
    this.depth--;
    return map;
  }

  /** A block list whose `-` marks are at `column`. */
  private blockSeq(column: number): YAMLSeq {
    this.enter();
    const seq = new YAMLSeq(this.doc.schema);
    const start = this.pos + column;
    let end = start;
    for (;;) {
      const mark = this.pos + column;
      const at = this.skipSpaces(mark + 1);
      let item: Node;
      if (this.atLineEnd(at)) {
        this.pos = this.nextLine(at);
        item = this.belowOrEmpty(column, at);
      } else if (this.isSeqMark(at) || (this.text[at] === '#' && at === mark + 1)) {
        giveUp();
      } else if (this.keyEnd(at) !== undefined) {
        item = this.blockMap(at - this.pos, at);
      } else {
        item = this.inlineValue(column, at);
      }
      seq.items.push(item);
      end = (item.range as number[])[2] as number;
      const next = this.peek();
      if (next === undefined || next.indent < column) break;
      if (next.indent > column) giveUp();
      if (!this.isSeqMark(next.start + column)) break;
    }
    seq.range = [start, end, end];
    this.depth--;
    return seq;
  }

  /**
   * A value on the lines below (the current line is done): a node indented more than `parent`, a list at
   * the key's own column, or else an empty value at `emptyAt`.
   */
  private belowOrEmpty(parent: number, emptyAt: number, listAtColumn = false): Node {
    const next = this.peek();
    if (next !== undefined && next.indent > parent)
      return this.blockNode(parent, next.start + next.indent, next.indent);
    if (listAtColumn && next !== undefined && next.indent === parent && this.isSeqMark(next.start + parent))
      return this.blockSeq(parent);
    return this.empty(emptyAt);
  }

  private empty(at: number): Scalar {
    const scalar = this.scalar('', 'PLAIN', true);
    scalar.range = [at, at, at];
    return scalar;
  }

  /** The value after a key's `:` at `afterColon`, in a mapping whose keys are at `column`. */
  private mapValue(column: number, afterColon: number): Node {
    const at = this.skipSpaces(afterColon);
    if (this.atLineEnd(at)) {
      this.pos = this.nextLine(at);
      return this.belowOrEmpty(column, at, true);
    }
    return this.inlineValue(column, at);
  }

  /** A value that starts on the line, at `at`, inside a parent indented `parent`. */
  private inlineValue(parent: number, at: number): Node {
    const c = this.text[at] as string;
    if (c === '"' || c === "'") return this.quoted(parent, at);
    if (c === '|' || c === '>') return this.blockScalar(parent, at);
    if (c === '[' || c === '{') {
      const node = this.flow(at, 0);
      const end = (node.range as number[])[1] as number;
      this.pos = this.endOfLine(end);
      node.range = [node.range?.[0] as number, end, this.pos];
      return node;
    }
    if (INDICATORS.has(c)) giveUp();
    return this.plain(parent, at);
  }

  // --- keys ---

  /**
   * Where the key starting at `at` ends and its `:` is, if the line holds a one-line plain or quoted key
   * followed by `: ` (or `:` at the line's end); undefined otherwise.
   */
  private keyEnd(at: number): { end: number; colon: number } | undefined {
    const text = this.text;
    const c = text[at];
    if (c === '"' || c === "'") {
      const close = this.quoteClose(at);
      if (close === undefined) return undefined;
      const colon = this.skipSpaces(close + 1);
      if (text[colon] !== ':' || !this.spaceOrEnd(colon + 1)) return undefined;
      return { end: close + 1, colon };
    }
    if (c === undefined || INDICATORS.has(c) || c === ' ' || c === '\n') return undefined;
    const stop = this.plainStop(at);
    if (stop === undefined || text[stop] !== ':') return undefined;
    let end = stop;
    while (text[end - 1] === ' ') end--;
    return { end, colon: stop };
  }

  /**
   * Where a plain scalar's text on this line stops, from `at`: at ` #` (its space), at a `:` followed by a
   * space or the line end, or at the line end; undefined at the text's end. A regular expression scans the
   * line: a character loop would run in V8's interpreter on a file read once.
   */
  private plainStop(at: number): number | undefined {
    PLAIN_STOP.lastIndex = at;
    return PLAIN_STOP.exec(this.text)?.index;
  }

  private spaceOrEnd(i: number): boolean {
    const c = this.text[i];
    return c === ' ' || c === '\n' || c === undefined;
  }

  private key(at: number, end: number): Scalar {
    if (end - at > MAX_KEY_CHARS) giveUp();
    const c = this.text[at];
    let key: Scalar;
    if (c === '"' || c === "'") {
      key = this.quotedScalar(at, end);
    } else {
      const source = this.text.slice(at, end);
      if (source === '<<') giveUp(); // a merge key
      key = this.scalar(source, 'PLAIN', true);
    }
    key.range = [at, end, end];
    return key;
  }

  // --- scalars ---

  /** A scalar node with the `yaml` package's value: a plain one resolved by its YAML 1.1 schema. */
  private scalar(source: string, type: Scalar.Type, plain: boolean): Scalar {
    let tag = this.stringTag;
    if (plain && MAY_BE_TYPED.test(source)) {
      // Keys repeat (`title`, `year`, ...): each short text's tag is looked up once.
      const known = this.tagOf.get(source);
      if (known) tag = known;
      else {
        for (const t of this.tags) {
          if ((t.test as RegExp).test(source)) {
            tag = t;
            break;
          }
        }
        if (source.length <= 32) this.tagOf.set(source, tag);
      }
    }
    const value = tag.resolve(source, giveUp, this.doc.options);
    const scalar = isScalar(value) ? value : new Scalar(value);
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** A plain scalar from `at`, maybe over several lines indented more than `parent`. */
  private plain(parent: number, at: number): Scalar {
    const text = this.text;
    let end = this.plainLineEnd(at);
    let lineEnd = this.skipSpaces(end);
    if (!this.atLineEnd(lineEnd)) giveUp();
    if (text[lineEnd] !== '#') {
      // Continuation lines, until a comment line or a line indented `parent` or less.
      let next = this.nextLine(lineEnd);
      for (;;) {
        let i = next;
        while (text.charCodeAt(i) === 32) i++;
        const c = text[i];
        if (c === undefined) break;
        if (c === '\n') {
          next = i + 1;
          continue;
        }
        if (i - next <= parent || c === '#') break;
        end = this.plainLineEnd(i);
        lineEnd = this.skipSpaces(end);
        if (text[lineEnd] === '#' || !this.atLineEnd(lineEnd)) giveUp();
        next = this.nextLine(lineEnd);
      }
    }
    const source = text.slice(at, end);
    const node = this.scalar(source.includes('\n') ? unfoldLines(source) : source, 'PLAIN', true);
    this.pos = this.nextLine(lineEnd);
    node.range = [at, end, this.pos];
    return node;
  }

  /**
   * End of a plain scalar's text on the line (trailing spaces excluded): before ` #` or the line end; a
   * `: ` on it gives up (a key where a value was expected).
   */
  private plainLineEnd(at: number): number {
    const text = this.text;
    const stop = this.plainStop(at) ?? text.length;
    if (text[stop] === ':') giveUp();
    let end = stop;
    while (end > at && text[end - 1] === ' ') end--;
    return end;
  }

  /** The offset of the closing quote of the quoted scalar opening at `at`, on the same line; or undefined. */
  private quoteClose(at: number): number | undefined {
    const text = this.text;
    const q = text[at];
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') return undefined;
      if (q === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        return i;
      }
    }
    return undefined;
  }

  private indentOfLineAt(at: number): number {
    const start = this.text.lastIndexOf('\n', at - 1) + 1;
    return this.skipSpaces(start) - start;
  }

  /** Records a quoted scalar that goes on over lines indented less than its key (0-based line, column). */
  private quotedIndent(at: number): void {
    if (this.quotedIndents.length >= MAX_QUOTED_INDENTS) giveUp();
    const start = this.text.lastIndexOf('\n', at - 1) + 1;
    let line = this.lineCount.line;
    for (
      let i = this.text.indexOf('\n', this.lineCount.offset);
      i !== -1 && i < start;
      i = this.text.indexOf('\n', i + 1)
    )
      line++;
    this.lineCount = { offset: start, line };
    this.quotedIndents.push({ line, column: at - start });
  }

  /** A quoted scalar from `at` as a value (maybe over several lines indented more than `parent`). */
  private quoted(parent: number, at: number): Scalar {
    const text = this.text;
    const q = text[at];
    let close = -1;
    let lineIndent = -1;
    let cut = false;
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        let j = i + 1;
        while (text.charCodeAt(j) === 32) j++;
        const indent = j - (i + 1);
        if (text[j] === '\n' || text[j] === undefined || indent > parent) continue;
        // A line indented no more than the key's: PyYAML reads on (the `yaml` package cuts the value
        // there, and YamlSource re-indents it, with a warning). Only where both readings are sure.
        if (lineIndent < 0) lineIndent = this.indentOfLineAt(at);
        if (indent > lineIndent) giveUp();
        if (indent === 0 && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(text.slice(j, j + 4))) giveUp();
        cut = true;
        continue;
      }
      if (q === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        close = i;
        break;
      }
    }
    if (close < 0) giveUp();
    if (cut) this.quotedIndent(at);
    const node = this.quotedScalar(at, close + 1);
    const after = this.skipSpaces(close + 1);
    if (!this.atLineEnd(after) || text[close + 1] === '#') giveUp();
    this.pos = this.nextLine(after);
    node.range = [at, close + 1, this.nextLine(after)];
    return node;
  }

  private quotedScalar(at: number, end: number): Scalar {
    const raw = this.text.slice(at, end);
    if (raw[0] === "'") return this.scalar(singleQuotedValue(raw), 'QUOTE_SINGLE', false);
    return this.scalar(doubleQuotedValue(raw), 'QUOTE_DOUBLE', false);
  }

  /** `|` or `>` at `at`, with optional chomping, the content indented more than `parent`. */
  private blockScalar(parent: number, at: number): Scalar {
    const text = this.text;
    const folded = text[at] === '>';
    let i = at + 1;
    let chomp = '';
    if (text[i] === '-' || text[i] === '+') chomp = text[i++] as string;
    if (text[i] !== ' ' && text[i] !== '\n' && text[i] !== undefined) giveUp(); // an indentation indicator
    const headerEnd = this.skipSpaces(i);
    if (!this.atLineEnd(headerEnd)) giveUp();
    const bodyStart = this.nextLine(headerEnd);
    if (bodyStart >= text.length || text[bodyStart - 1] !== '\n') giveUp();
    // The content indentation: the first non-blank line's (leading blank lines no longer than it).
    let line = bodyStart;
    let longestBlank = 0;
    let indent = -1;
    while (line < text.length) {
      const j = this.skipSpaces(line);
      if (text[j] === '\n') {
        longestBlank = Math.max(longestBlank, j - line);
        line = j + 1;
        continue;
      }
      if (j < text.length) indent = j - line;
      break;
    }
    if (indent <= parent || indent < 1 || longestBlank > indent) giveUp();
    // The content: lines indented `indent` or more, and blank lines, up to the first line indented less.
    let lastContentEnd = -1; // past the newline of the last non-blank line
    let keptEnd = -1;
    let scan = line;
    while (scan < text.length) {
      const j = this.skipSpaces(scan);
      const c = text[j];
      const nl = c === undefined ? text.length : text.indexOf('\n', j);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      if (c === '\n' || c === undefined) {
        if (j - scan > indent && lastContentEnd >= 0) keptEnd = lineEnd; // a more-indented blank line
        scan = lineEnd;
        continue;
      }
      if (j - scan < indent) break;
      lastContentEnd = lineEnd;
      keptEnd = lineEnd;
      scan = lineEnd;
    }
    if (lastContentEnd < 0) giveUp();
    // Trailing blank lines belong to the scalar with `+`; without, up to the last more-indented one.
    let end = chomp === '+' ? scan : keptEnd;
    if (end > text.length) end = text.length;
    if (chomp === '+' && scan < text.length && text[scan - 1] !== '\n') giveUp();
    const value = blockScalarValue(text.slice(bodyStart, end), folded, chomp, Math.max(0, parent));
    if (value === undefined) giveUp();
    const node = this.scalar(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', false);
    node.range = [at, end, end];
    this.pos = end;
    if (this.pos < text.length && text[this.pos - 1] !== '\n') giveUp();
    return node;
  }

  // --- flow collections (on one line) ---

  private flow(at: number, depth: number): YAMLMap | YAMLSeq {
    if (depth >= MAX_FLOW_DEPTH) giveUp();
    const text = this.text;
    const isMap = text[at] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    node.flow = true;
    let i = this.skipSpaces(at + 1);
    if (text[i] === close) {
      node.range = [at, i + 1, i + 1];
      return node;
    }
    for (;;) {
      if (isMap) {
        const key = this.flowItem(i, depth, true);
        if (!(key instanceof Scalar)) giveUp();
        if (key.type === 'PLAIN' && key.source === '<<') giveUp();
        const kr = key.range as number[];
        let j = this.skipSpaces(kr[1] as number);
        if (text[j] !== ':' || text[j + 1] !== ' ') giveUp();
        j = this.skipSpaces(j + 1);
        const value = this.flowItem(j, depth, false);
        (node as YAMLMap).items.push(new Pair(key, value));
        i = (value.range as number[])[2] as number;
      } else {
        const item = this.flowItem(i, depth, false);
        (node as YAMLSeq).items.push(item);
        i = (item.range as number[])[2] as number;
      }
      const c = text[i];
      if (c === close) break;
      if (c !== ',') giveUp();
      i = this.skipSpaces(i + 1);
      if (text[i] === close) giveUp(); // a trailing comma
    }
    node.range = [at, i + 1, i + 1];
    return node;
  }

  /** An item of a flow collection at `at`; its range ends past the spaces after it. */
  private flowItem(at: number, depth: number, isKey: boolean): Node {
    const text = this.text;
    const c = text[at];
    if (c === '[' || c === '{') {
      const node = this.flow(at, depth + 1);
      const end = (node.range as number[])[1] as number;
      node.range = [at, end, this.skipSpaces(end)];
      return node;
    }
    if (c === '"' || c === "'") {
      const close = this.quoteClose(at);
      if (close === undefined) giveUp();
      const node = this.quotedScalar(at, close + 1);
      node.range = [at, close + 1, this.skipSpaces(close + 1)];
      return node;
    }
    if (c === undefined || INDICATORS.has(c) || c === ' ' || c === '\n') giveUp();
    let i = at;
    let end = at;
    for (;;) {
      const ch = text[i];
      if (ch === undefined || ch === '\n') giveUp();
      if (FLOW_INDICATORS.has(ch)) break;
      if (ch === '#' && text[i - 1] === ' ') giveUp();
      if (ch === ':') {
        const next = text[i + 1];
        if (next === ' ' || next === '\n' || next === undefined || FLOW_INDICATORS.has(next)) {
          if (!isKey) giveUp();
          break;
        }
      }
      if (ch !== ' ') end = i + 1;
      i++;
    }
    const node = this.scalar(text.slice(at, end), 'PLAIN', true);
    node.range = [at, end, this.skipSpaces(end)];
    return node;
  }
}

/** A plain scalar's value from its lines, as the `yaml` package folds them. */
function unfoldLines(source: string): string {
  const lines = source.split('\n');
  let result = (lines[0] as string).replace(/ +$/, '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const line = (lines[i] as string).replace(/^ +| +$/g, '');
    if (line === '') {
      if (sep === '\n') result += sep;
      else sep = '\n';
    } else {
      result += sep + line;
      sep = ' ';
    }
  }
  return result + sep + (lines[lines.length - 1] as string).replace(/^ +/, '');
}

function singleQuotedValue(raw: string): string {
  const inner = raw.slice(1, -1);
  return (inner.includes('\n') ? unfoldLines(inner) : inner).replace(/''/g, "'");
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** A double-quoted scalar's value; gives up on an escape the `yaml` package would warn about, or a `\` line end. */
function doubleQuotedValue(raw: string): string {
  let result = '';
  const last = raw.length - 1;
  for (let i = 1; i < last; i++) {
    const c = raw[i] as string;
    if (c === '\n') {
      let fold = '';
      while (raw[i + 1] === ' ' || raw[i + 1] === '\n') {
        if (raw[i + 1] === '\n') fold += '\n';
        i++;
      }
      result += fold || ' ';
    } else if (c === '\\') {
      const next = raw[++i] as string;
      const code = ESCAPES[next];
      if (code !== undefined) result += code;
      else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = raw.slice(i + 1, i + 1 + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) giveUp();
        const point = Number.parseInt(hex, 16);
        if (point > 0x10ffff) giveUp();
        result += String.fromCodePoint(point);
        i += length;
      } else giveUp();
    } else if (c === ' ') {
      const start = i;
      while (raw[i + 1] === ' ') i++;
      if (raw[i + 1] !== '\n') result += raw.slice(start, i + 1);
    } else {
      result += c;
    }
  }
  return result;
}

/**
 * A block scalar's value from its content lines (`body`: the text after the header line, up to the
 * scalar's end), by the `yaml` package's rules; undefined where those would report an error.
 */
function blockScalarValue(
  body: string,
  folded: boolean,
  chomp: string,
  parentIndent: number,
): string | undefined {
  const split = body.split(/\n( *)/);
  const first = split[0] as string;
  const lead = (/^( *)/.exec(first) as RegExpExecArray)[1] as string;
  const lines: [string, string][] = [[lead, first.slice(lead.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] as string, split[i + 1] as string]);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if ((lines[i] as [string, string])[1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) return undefined;
  let trimIndent = parentIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content === '') {
      if (indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) return undefined;
      trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0) return undefined;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if ((lines[i] as [string, string])[0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += `${(lines[i] as [string, string])[0].slice(trimIndent)}\n`;
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content && indent.length < trimIndent) return undefined;
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i)
      value += `\n${(lines[i] as [string, string])[0].slice(trimIndent)}`;
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp === '') value += '\n';
  return value;
}
