/**
 * A parsed YAML file that remembers where every value came from, so any problem found later (schema,
 * publications, enrichment) can point at file:line:col.
 *
 * YAML is read as PyYAML's `safe_load` (the original tool's reader, YAML 1.1) reads it, with the same values
 * (docs/formats.md, "Reading YAML"; checked against PyYAML by test/load/pyyaml-conformance.test.ts):
 * `True`/`yes`/`on` are booleans (`y`/`n` are text), `010` is octal, `1:20` sexagesimal, `<<` merges
 * mappings, a key given twice keeps its last value (with a warning), and a quoted scalar's continuation lines
 * may be indented less than its key (with a warning). Values a person writes as display text keep the text
 * they wrote: an unquoted date (`2019-05-19`) or a decimal (`4.0`, `.inf`, `1e3`) stays that string instead of
 * becoming a Date or a number.
 *
 * The YAML that CV files use is read by a fast reader that builds the nodes the `yaml` package would
 * (common-yaml.ts); anything else by the `yaml` package. Everything below works on those nodes either way.
 */
import {
  type Alias,
  CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { type Diagnostic, error, type SourcePosition, warning } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/source-map.js';
import { readCommonYaml } from './common-yaml.js';
import {
  lineLimitCrossed,
  MAX_COLLECTION_ITEMS,
  MAX_LINE_CHARS,
  MAX_NESTING_DEPTH,
  MAX_TOP_LEVEL_KEYS,
  MAX_VALUE_CHARS,
  MAX_YAML_ALIASES,
  MAX_YAML_LINES,
  MAX_YAML_NODES,
} from './limits.js';
import { constructBool, constructInt, type PyYamlTag, resolvePlain } from './pyyaml-scalars.js';
import { reindentQuotedScalars } from './quoted-indent.js';
import { scalarOffsets } from './scalar-offsets.js';

export type YamlPath = readonly (string | number)[];

const PARSE_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false } as const;

export class YamlSource {
  /** Lines of the file as written: positions are given in it. */
  readonly lines: LineIndex;
  /** Lines of `parsedText`, when it differs from the file (quoted scalars re-indented). */
  private readonly parsedLines: LineIndex | undefined;

  private constructor(
    readonly file: string,
    /** The file as written. */
    readonly text: string,
    /** The text the document was parsed from (node ranges are offsets in it): `text`, or a re-indented copy. */
    readonly parsedText: string,
    readonly document: Document.Parsed,
    /** Spaces added at the start of a line of `parsedText`, by 0-based line number. */
    private readonly added: ReadonlyMap<number, number>,
  ) {
    this.lines = new LineIndex(text);
    this.parsedLines = parsedText === text ? undefined : new LineIndex(parsedText);
  }

  static parse(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
    // The common YAML of CV files is read by a fast reader that builds the same document (common-yaml.ts);
    // anything else, and every error, is left to the `yaml` package below.
    const common = lineLimitCrossed(text, MAX_LINE_CHARS, MAX_YAML_LINES) ? undefined : readCommonYaml(text);
    if (common) {
      const source = new YamlSource(file, text, text, common.document, new Map());
      return YamlSource.parsed(
        source,
        common.quotedIndents.map((at) => quotedIndentWarning(file, at)),
      );
    }
    return YamlSource.parseWithYamlPackage(file, text);
  }

  /** The same reading as `parse`, by the `yaml` package alone (the fast reader's reference, in tests). */
  static parseWithYamlPackage(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
    const refused = (make: (source: YamlSource) => Diagnostic) => {
      // Not parsed at all: the `yaml` package's time (and, for nesting, its stack) grows with the input.
      // An empty document stands in, and the error stops the build.
      const source = new YamlSource(file, text, text, parseDocument('', PARSE_OPTIONS), new Map());
      source.data = { value: null };
      return { source, diagnostics: [make(source)] };
    };
    const tooDeep = flowNestingBeyond(text, MAX_FLOW_NESTING);
    if (tooDeep !== undefined) {
      return refused((source) =>
        error({
          code: 'yaml-nesting-limit',
          message: `\`[\` and \`{\` nest more than ${MAX_FLOW_NESTING} deep here`,
          position: source.positionAt(tooDeep),
          hints: [
            'a CV nests a few levels; close the brackets, or quote the text if the brackets are part of it',
          ],
        }),
      );
    }
    const lines = lineLimitCrossed(text, MAX_LINE_CHARS, MAX_YAML_LINES);
    if (lines?.kind === 'line-length') {
      return refused((source) =>
        error({
          code: 'line-too-long',
          message: `this line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters, the most vita reads in a YAML file`,
          position: source.positionAt(lines.offset),
          hints: [
            'break the value over several lines (a block scalar: `key: >`), or check that this is the right file',
          ],
        }),
      );
    }
    if (lines?.kind === 'line-count') {
      return refused((source) =>
        error({
          code: 'too-many-lines',
          message: `\`${file}\` has more than ${MAX_YAML_LINES.toLocaleString('en-US')} lines, the most vita reads in a YAML file`,
          position: source.positionAt(lines.offset),
          hints: ['a CV is a few thousand lines; check that this is the right file'],
        }),
      );
    }
    let document = parseDocument(text, PARSE_OPTIONS);
    let reindented: ReturnType<typeof reindentQuotedScalars>;
    if (document.errors.length > 0) {
      reindented = reindentQuotedScalars(text);
      if (reindented) document = parseDocument(reindented.text, PARSE_OPTIONS);
    }
    const source = new YamlSource(
      file,
      text,
      reindented?.text ?? text,
      document,
      reindented?.added ?? new Map(),
    );
    const diagnostics: Diagnostic[] = [];
    for (const at of reindented?.scalars ?? []) diagnostics.push(quotedIndentWarning(file, at));
    for (const e of document.errors) {
      if (/call stack/i.test(e.message)) {
        // The `yaml` package recurses once per level of block nesting, and reports running out of stack
        // as an error of the document (once per open level); the nesting is what to fix, reported once.
        if (!diagnostics.some((d) => d.code === 'yaml-nesting-limit'))
          diagnostics.push(nestedTooDeep(source.positionAt(e.pos[0])));
        continue;
      }
      if (e.code === 'BAD_DQ_ESCAPE') {
        const written = source.parsedText.slice(e.pos[0], e.pos[0] + 2);
        diagnostics.push(
          warning({
            code: 'yaml-unknown-escape',
            message: `\`${written}\` is not a YAML escape in double quotes; read as the two characters \`${written}\``,
            position: source.positionAt(e.pos[0]),
            hints: [
              `write \`\\${written}\` (a backslash is doubled inside double quotes), or use single quotes`,
            ],
          }),
        );
        continue;
      }
      diagnostics.push(
        error({
          code: 'yaml-syntax',
          message: yamlMessage(e.code, e.message),
          position: source.positionAt(e.pos[0]),
          hints: yamlHints(e.code, e.message),
        }),
      );
    }
    for (const w of document.warnings) {
      // `!!float "1"` or `!!timestamp "..."`: the `yaml` package's schema cannot make the value, PyYAML's
      // constructors (and so vita's, which keep the text as written) can.
      if (
        w.code === 'TAG_RESOLVE_FAILED' &&
        TEXT_KEEPING_TAGS.some((t) => w.message.split(' at line')[0]?.endsWith(t))
      )
        continue;
      diagnostics.push(
        warning({
          code: 'yaml-warning',
          message: yamlMessage(w.code, w.message),
          position: source.positionAt(w.pos[0]),
        }),
      );
    }
    if (document.errors.every((e) => e.code === 'BAD_DQ_ESCAPE'))
      return YamlSource.parsed(source, diagnostics);
    return { source, diagnostics };
  }

  /** The parsed source with its data (the conversion adds its diagnostics: duplicate keys, limits...). */
  private static parsed(
    source: YamlSource,
    diagnostics: Diagnostic[],
  ): { source: YamlSource; diagnostics: Diagnostic[] } {
    const converter = new Converter(source, diagnostics);
    source.data = { value: converter.convert(source.document.contents as Node | null) };
    source.expansionLimitOffset = converter.budget.exceededAt;
    return { source, diagnostics };
  }

  /** Position in the file as written of an offset in `parsedText` (a node's range). */
  positionAt(offset: number): SourcePosition {
    if (!this.parsedLines) return this.lines.position(this.file, offset);
    const at = this.parsedLines.position(this.file, offset);
    const added = this.added.get(at.line - 1) ?? 0;
    return { file: this.file, line: at.line, column: Math.max(1, at.column - added) };
  }

  /** The document as plain data (see the class comment for how scalars are read). */
  toData(): unknown {
    if (this.data === undefined) {
      const converter = new Converter(this, []);
      this.data = { value: converter.convert(this.document.contents as Node | null) };
      this.expansionLimitOffset = converter.budget.exceededAt;
    }
    return this.data.value;
  }

  private data: { readonly value: unknown } | undefined;

  /**
   * Where alias expansion stopped (past `MAX_YAML_NODES` or `MAX_YAML_ALIASES`, or nesting past
   * `MAX_NESTING_DEPTH`), if it did: a hostile or broken file.
   */
  expansionLimitOffset: number | undefined;

  /** Position of the value at `path`; for a missing key, its parent; `key: true` points at the key itself. */
  positionOf(path: YamlPath, options: { key?: boolean } = {}): SourcePosition {
    const { best } = this.locate(path, options);
    return this.positionAt(best?.[0] ?? 0);
  }

  /**
   * Position of the character at `offset` inside the string value at `path` (a problem found by the markup
   * parser). Exact for plain and quoted scalars (escapes such as `\\` counted as written), on one line or
   * folded over several, and for block scalars (`|`, `>`); the start of the value where it cannot be told.
   */
  positionInValue(path: YamlPath, offset: number): SourcePosition {
    const { node, best } = this.locate(path, {});
    const start = best?.[0] ?? 0;
    if (!isScalar(node) || typeof node.value !== 'string' || offset < 0) return this.positionAt(start);
    const end = best?.[1] ?? start;
    const raw = this.parsedText.slice(start, end);
    if (node.type === 'PLAIN' && !raw.includes('\n'))
      return this.positionAt(start + Math.min(offset, raw.length));
    if (raw.includes('\n')) {
      // Block scalars and folded lines: the value is rebuilt with its offsets (see scalar-offsets.ts).
      const offsets = scalarOffsets(node.type, raw, node.value);
      const at = offsets?.[Math.min(offset, offsets.length - 1)];
      return this.positionAt(start + (at ?? 0));
    }
    if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') {
      const double = node.type === 'QUOTE_DOUBLE';
      let produced = 0;
      let i = 1; // after the opening quote
      while (i < raw.length - 1 && produced < offset) {
        const c = raw[i];
        if (c === '\n') return this.positionAt(start); // folded lines: no exact mapping
        if (double && c === '\\') i += raw[i + 1] === 'x' ? 4 : raw[i + 1] === 'u' ? 6 : 2;
        else if (!double && c === "'" && raw[i + 1] === "'") i += 2;
        else i += 1;
        produced += 1;
      }
      return this.positionAt(start + i);
    }
    return this.positionAt(start);
  }

  private locate(
    path: YamlPath,
    options: { key?: boolean },
  ): { node: unknown; best: readonly number[] | undefined } {
    let node: unknown = this.document.contents;
    let best: readonly number[] | undefined = rangeOf(node);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(segment));
        if (!pair) break;
        const isLast = i === path.length - 1;
        if (isLast && options.key) {
          best = rangeOf(pair.key) ?? best;
          node = pair.key;
          break;
        }
        node = pair.value;
        best = rangeOf(pair.value) ?? rangeOf(pair.key) ?? best;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        best = rangeOf(item) ?? best;
      } else {
        break;
      }
    }
    return { node, best };
  }

  /** Each mapping's pairs by key (merged ones included, the last winning as in the data), built on first use. */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      const budget = { pairs: MAX_YAML_NODES };
      for (const pair of flattenPairs(map, this.document, () => {}, budget)) {
        index.set(keyText(pair.key, this.document, this.parsedText), pair);
      }
      this.pairIndex.set(map, index);
    }
    return index;
  }

  /** Top-level keys in file order. */
  topLevelKeys(): string[] {
    const contents = this.document.contents;
    if (!isMap(contents)) return [];
    return [...this.pairsOf(contents).keys()];
  }
}

function quotedIndentWarning(file: string, at: { line: number; column: number }): Diagnostic {
  return warning({
    code: 'yaml-quoted-indent',
    message:
      'this quoted value goes on over lines indented less than its key; read as PyYAML reads it (the indentation inside quotes is ignored)',
    position: { file, line: at.line + 1, column: at.column + 1 },
    hints: ['indent the continuation lines under the value, or use a block scalar (`key: >`)'],
  });
}

function nestedTooDeep(position: SourcePosition): Diagnostic {
  return error({
    code: 'yaml-nesting-limit',
    message: `lists and mappings nest more than ${MAX_NESTING_DEPTH} deep here`,
    position,
    hints: ['a CV nests a few levels; check the indentation'],
  });
}

function rangeOf(node: unknown): readonly number[] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range ?? undefined;
  }
  return undefined;
}

/** Flow collections (`[...]`, `{...}`) nested deeper than this are refused before parsing. */
export const MAX_FLOW_NESTING = MAX_NESTING_DEPTH;

/** Lexer tokens that mark a state and stand for no text of the file. */
const MARKER_TOKENS = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/**
 * The offset of the first `[` or `{` that opens a flow collection deeper than `limit`, or undefined. It uses
 * the `yaml` package's own lexer (a linear pass that needs no nesting stack), so quoted scalars, comments and
 * block scalars count no brackets, exactly as the parser will read them.
 */
export function flowNestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++depth > limit) return offset;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
    if (!MARKER_TOKENS.has(type as string)) offset += token.length;
  }
  return undefined;
}

export { MAX_YAML_NODES };

/**
 * Aliases may nest (`*a` inside `&b`) and merge keys may merge merged mappings: their expansion is counted,
 * so a hostile file cannot blow up time or memory.
 */
interface ExpansionBudget {
  nodes: number;
  aliases: number;
  exceededAt?: number;
}

/** Pairs a mapping's merge keys may still add (flattenPairs stops there). */
interface MergeBudget {
  pairs: number;
}

/** Explicit tags whose scalar vita always reads as the text written (or as null). */
const TEXT_KEEPING_TAGS = [
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:timestamp',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:str',
];

const EXPLICIT_TAGS: Readonly<Record<string, PyYamlTag>> = {
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:null': 'null',
  'tag:yaml.org,2002:timestamp': 'timestamp',
  'tag:yaml.org,2002:str': 'str',
};

/** A scalar's value as PyYAML constructs it, floats and timestamps kept as written (the class comment). */
function scalarToData(node: Scalar): unknown {
  const text = typeof node.source === 'string' ? node.source : String(node.value);
  const tag: PyYamlTag | undefined = node.tag
    ? EXPLICIT_TAGS[node.tag]
    : node.type === 'PLAIN' || node.type === undefined
      ? resolvePlain(text)
      : 'str';
  switch (tag) {
    case 'bool':
      return constructBool(text) ?? node.value;
    case 'int':
      return constructInt(text) ?? node.value;
    case 'float':
    case 'timestamp':
    case 'merge':
      return text;
    case 'null':
      return null;
    case 'str':
      return typeof node.value === 'string' ? node.value : text;
    default: {
      // Another explicit tag (`!!binary`, or one PyYAML does not know, which the parser warned about).
      const value = node.value;
      if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
      if (value instanceof Date) return text;
      if (typeof value === 'bigint') return Number(value);
      return value;
    }
  }
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && !key.tag && key.type === 'PLAIN' && key.source === '<<';
}

/** Follows aliases to the node they name (undefined for an unknown anchor, which the parser reports). */
function deref(node: unknown, doc: Document.Parsed): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = aliasTarget(current, doc);
  return isAlias(current) ? undefined : current;
}

/** Each document's aliases with the node each names, found in one pass (see `aliasTarget`). */
const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, Node | undefined>>();

/**
 * The node an alias names: the last node before it (in document order) with its anchor, as the `yaml`
 * package's `Alias.resolve` finds it. That method walks the whole document on every call, so a file of many
 * aliases took time quadratic in its size; here one walk (iterative: no stack depth) serves every alias.
 */
function aliasTarget(alias: Alias, doc: Document.Parsed): Node | undefined {
  let targets = aliasTargets.get(doc);
  if (!targets) {
    targets = new Map();
    const anchors = new Map<string, Node>();
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isAlias(node)) {
        targets.set(node, anchors.get(node.source));
        continue;
      }
      if (isPair(node)) {
        stack.push(node.value, node.key);
        continue;
      }
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
      if (node.anchor) anchors.set(node.anchor, node);
      if (isMap(node) || isSeq(node))
        for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
    aliasTargets.set(doc, targets);
  }
  return targets.get(alias);
}

/**
 * A key as the text vita indexes it by: PyYAML's key value (`1`, `true`, `null`) as a string. A collection as
 * a key (PyYAML refuses it as unhashable) is its text as written: stringifying it with the `yaml` package
 * takes time exponential in its nesting (`{{{...`), the text as written is linear.
 */
function keyText(key: unknown, doc: Document.Parsed, text: string): string {
  const node = deref(key, doc);
  if (isScalar(node)) return String(scalarToData(node));
  const range = rangeOf(node);
  return range ? text.slice(range[0], range[1]).trim() : '';
}

type MergeProblem = (kind: 'self' | 'invalid', node: unknown, fallback: unknown) => void;

/**
 * A mapping's pairs in PyYAML's order: first what its `<<` keys merge (each `<<` in turn; in a list of
 * mappings, the earlier mapping wins), then its own pairs, so later pairs override earlier ones.
 */
function flattenPairs(
  map: YAMLMap,
  doc: Document.Parsed,
  problem: MergeProblem,
  budget: MergeBudget,
  merging: Set<unknown> = new Set(),
): Pair[] {
  const merged: Pair[] = [];
  const own: Pair[] = [];
  merging.add(map);
  const flattenOne = (node: unknown, at: unknown): Pair[] | undefined => {
    const target = deref(node, doc);
    if (!isMap(target)) {
      problem('invalid', node, at);
      return undefined;
    }
    if (merging.has(target)) {
      // A mapping merged into itself (`&x {<<: *x}`): PyYAML has removed the `<<` keys of a mapping it is
      // merging, so it merges the mapping's own pairs. The same here, with a warning.
      problem('self', node, at);
      return target.items.filter((pair) => !isMergeKey(pair.key));
    }
    // Merges of merges multiply (`<<: [*a, *a]` at every level): past the budget, nothing more is merged.
    if (budget.pairs <= 0) return undefined;
    // A chain of merges (each mapping merging the one before) is followed 64 deep at most: deeper is
    // counted as past the budget, so the recursion has a bound and the file gets the expansion error.
    if (merging.size > MAX_NESTING_DEPTH) {
      budget.pairs = -1;
      return undefined;
    }
    const pairs = flattenPairs(target, doc, problem, budget, merging);
    budget.pairs -= pairs.length;
    return pairs;
  };
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      own.push(pair);
      continue;
    }
    const value = deref(pair.value, doc);
    if (isSeq(value)) {
      const parts: Pair[][] = [];
      for (const item of value.items) {
        const part = flattenOne(item, pair.value);
        if (part) parts.push(part);
      }
      for (const part of parts.reverse()) merged.push(...part);
    } else {
      merged.push(...(flattenOne(pair.value, pair.key) ?? []));
    }
  }
  merging.delete(map);
  return merged.length > 0 ? [...merged, ...own] : own;
}

/** Turns the document into plain data as PyYAML's `safe_load` would, reporting what it cannot represent. */
class Converter {
  readonly budget: ExpansionBudget = { nodes: 0, aliases: 0 };
  /** Collections being converted, one inside the other. */
  private depth = 0;
  private readonly mergeBudget: MergeBudget = { pairs: MAX_YAML_NODES };
  /** Collections being converted: one met again inside itself is a cycle, which plain data cannot hold. */
  private readonly expanding = new Set<unknown>();
  /** Nodes already reported (a mapping reached through several aliases is reported once). */
  private readonly reported = new Set<unknown>();
  /** Mappings already checked for duplicate keys. */
  private readonly checked = new Set<unknown>();
  private readonly doc: Document.Parsed;

  constructor(
    private readonly source: YamlSource,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.doc = source.document;
  }

  /** The whole document: `toData` with the limit on top-level keys. */
  convert(root: Node | null | undefined): unknown {
    if (isMap(root) && root.items.length > MAX_TOP_LEVEL_KEYS) {
      this.tooMany(
        root.items[MAX_TOP_LEVEL_KEYS]?.key,
        `this file has more than ${MAX_TOP_LEVEL_KEYS.toLocaleString('en-US')} top-level keys (sections), the most vita reads`,
      );
      return null;
    }
    return this.toData(root);
  }

  toData(node: Node | null | undefined): unknown {
    if (node === null || node === undefined || this.budget.exceededAt !== undefined) return null;
    if (!this.spend(node, 1, 0)) return null;
    if (isScalar(node)) {
      const value = scalarToData(node);
      if (typeof value === 'string' && value.length > MAX_VALUE_CHARS) {
        this.diagnostics.push(
          error({
            code: 'value-too-long',
            message: `this value is ${value.length.toLocaleString('en-US')} characters long; vita reads text values of up to ${MAX_VALUE_CHARS.toLocaleString('en-US')}`,
            position: this.source.positionAt(this.crossingOffset(node, MAX_VALUE_CHARS)),
            hints: ['a CV entry is a few hundred characters; check that this is the text you meant'],
          }),
        );
        return value.slice(0, MAX_VALUE_CHARS);
      }
      return value;
    }
    if (isAlias(node)) {
      if (!this.spend(node, 0, 1)) return null;
      const target = aliasTarget(node, this.doc);
      if (!target) return null;
      if (this.expanding.has(target)) {
        this.recursive(node);
        return null;
      }
      return this.toData(target as Node);
    }
    if (!isMap(node) && !isSeq(node)) return null;
    if (this.expanding.has(node)) {
      this.recursive(node);
      return null;
    }
    if (this.depth > MAX_NESTING_DEPTH) {
      // Levels under the top-level mapping are counted. Only block nesting gets here (flow nesting is
      // refused before parsing). Reported once; nothing deeper is converted.
      if (this.budget.exceededAt === undefined)
        this.diagnostics.push(nestedTooDeep(this.source.positionAt(rangeOf(node)?.[0] ?? 0)));
      this.budget.exceededAt = rangeOf(node)?.[0] ?? 0;
      return null;
    }
    if (node.items.length > MAX_COLLECTION_ITEMS) {
      const first = node.items[MAX_COLLECTION_ITEMS];
      this.tooMany(
        isPair(first) ? first.key : first,
        `this ${isMap(node) ? 'mapping has more than' : 'list has more than'} ${MAX_COLLECTION_ITEMS.toLocaleString('en-US')} ${isMap(node) ? 'keys' : 'items'}, the most vita reads in one`,
      );
      return null;
    }
    this.expanding.add(node);
    this.depth++;
    try {
      if (isMap(node)) return this.mapToData(node);
      // A sequence; in `!!omap` and `!!pairs`, a list of [key, value] pairs, as PyYAML makes them.
      return node.items.map((item) =>
        isPair(item)
          ? [this.toData(item.key as Node | null), this.toData(item.value as Node | null)]
          : this.toData(item as Node | null),
      );
    } finally {
      this.depth--;
      this.expanding.delete(node);
    }
  }

  /**
   * The offset in the parsed text of the value's character number `at` (where a length limit is crossed):
   * exact for a plain scalar on one line and for values over several lines (scalar-offsets.ts), the
   * value's start otherwise.
   */
  private crossingOffset(node: Scalar, at: number): number {
    const [start = 0, end = start] = rangeOf(node) ?? [];
    const raw = this.source.parsedText.slice(start, end);
    if (node.type === 'PLAIN' && !raw.includes('\n')) return start + Math.min(at, raw.length);
    if (!raw.includes('\n') || typeof node.value !== 'string') return start;
    const offset = scalarOffsets(node.type, raw, node.value)?.[at];
    return offset === undefined ? start : start + offset;
  }

  /**
   * Counts `nodes` values and `aliases` alias expansions at `node`; false (and the error, once) when that
   * crosses a limit.
   */
  private spend(node: unknown, nodes: number, aliases: number): boolean {
    if (this.budget.exceededAt !== undefined) return false;
    this.budget.nodes += nodes;
    this.budget.aliases += aliases;
    const overNodes = this.budget.nodes > MAX_YAML_NODES || this.mergeBudget.pairs < 0;
    if (!overNodes && this.budget.aliases <= MAX_YAML_ALIASES) return true;
    this.budget.exceededAt = rangeOf(node)?.[0] ?? 0;
    this.diagnostics.push(
      error({
        code: 'yaml-alias-limit',
        message: overNodes
          ? `\`${this.source.file}\` expands to more than ${MAX_YAML_NODES.toLocaleString('en-US')} values (counting what its aliases \`*name\` and merge keys \`<<\` repeat)`
          : `\`${this.source.file}\` expands more than ${MAX_YAML_ALIASES.toLocaleString('en-US')} aliases (\`*name\`)`,
        position: this.source.positionAt(this.budget.exceededAt),
        hints: ['a CV needs few aliases; remove the ones that repeat large parts of the file'],
      }),
    );
    return false;
  }

  private tooMany(at: unknown, message: string): void {
    this.diagnostics.push(
      error({
        code: 'too-many-items',
        message,
        position: this.source.positionAt(rangeOf(at)?.[0] ?? 0),
        hints: ['check that this is the right file; split a generated list into what the CV shows'],
      }),
    );
  }

  /** Each key's text, read once (duplicate checking and the conversion both ask). */
  private readonly keyTexts = new Map<unknown, string>();

  private keyText(key: unknown): string {
    let text = this.keyTexts.get(key);
    if (text === undefined) {
      text = keyText(key, this.doc, this.source.parsedText);
      this.keyTexts.set(key, text);
    }
    return text;
  }

  private mapToData(map: YAMLMap): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const pairs = flattenPairs(
      map,
      this.doc,
      (kind, node, fallback) => {
        if (kind === 'self') this.selfMerge(node);
        else this.badMerge(node, fallback);
      },
      this.mergeBudget,
    );
    // Merged pairs are values too: a chain of merges repeats them.
    if (!this.spend(map, pairs.length - map.items.length, 0)) return out;
    this.checkDuplicates(map);
    for (const pair of pairs) {
      const key = this.keyText(pair.key);
      const value = this.toData(pair.value as Node | null);
      // A key named `__proto__` is data, not the object's prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** A key given twice in one mapping: PyYAML keeps the last value, and so does vita, with a warning. */
  private checkDuplicates(map: YAMLMap): void {
    if (this.checked.has(map)) return;
    this.checked.add(map);
    const first = new Map<string, Pair>();
    for (const pair of map.items) {
      if (isMergeKey(pair.key)) continue;
      this.checkKeyPresent(pair);
      const key = this.keyText(pair.key);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, pair);
        continue;
      }
      const was = this.source.positionAt(rangeOf(earlier.key)?.[0] ?? 0);
      const now = this.source.positionAt(rangeOf(pair.key)?.[0] ?? 0);
      this.diagnostics.push(
        warning({
          code: 'yaml-duplicate-key',
          message: `the key \`${key}\` is given twice in this mapping, at ${was.line}:${was.column} and ${now.line}:${now.column}; the last value is used, as PyYAML does`,
          position: now,
          hints: ['remove one of the two, or merge their contents'],
        }),
      );
    }
  }

  /**
   * `a: [b, c]: d` or a line starting with `: `: the `yaml` package reads a pair with an empty key there,
   * PyYAML refuses the file. The value would show under the key `null`: an error.
   */
  private checkKeyPresent(pair: Pair): void {
    const key = pair.key;
    if (!isScalar(key) || key.tag || key.source !== '') return;
    const at = rangeOf(key)?.[0];
    if (at === undefined || this.source.parsedText[at] !== ':') return;
    this.diagnostics.push(
      error({
        code: 'yaml-syntax',
        message: 'invalid YAML: a `:` with no key before it',
        position: this.source.positionAt(at),
        hints: ['a value that contains `: ` must be quoted'],
      }),
    );
  }

  private recursive(node: unknown): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.diagnostics.push(
      error({
        code: 'yaml-recursive-alias',
        message: 'this alias refers to a value that contains it; the data would never end',
        position: this.source.positionAt(rangeOf(node)?.[0] ?? 0),
        hints: ['an alias (`*name`) may only repeat a value defined before it and outside it'],
      }),
    );
  }

  private selfMerge(node: unknown): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.diagnostics.push(
      warning({
        code: 'yaml-merge-self',
        message:
          'this merge key (`<<`) merges a mapping into itself; it adds only the keys the mapping already has, as in PyYAML',
        position: this.source.positionAt(rangeOf(node)?.[0] ?? 0),
        hints: ['remove this `<<` entry: it has no effect'],
      }),
    );
  }

  private badMerge(node: unknown, fallback: unknown): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.diagnostics.push(
      error({
        code: 'yaml-merge-invalid',
        message: 'a merge key (`<<`) takes a mapping or a list of mappings; this value is neither',
        position: this.source.positionAt(rangeOf(node)?.[0] ?? rangeOf(fallback)?.[0] ?? 0),
        hints: ['give `<<:` an alias to a mapping (`<<: *defaults`) or a list of them (`<<: [*a, *b]`)'],
      }),
    );
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  const lower = `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  if (/flow (sequence|collection|mapping)/i.test(text))
    return `invalid YAML: unclosed \`[\` or \`{\` (${lower})`;
  switch (code) {
    case 'BAD_INDENT':
      return `invalid YAML: bad indentation: ${lower}`;
    case 'TAB_AS_INDENT':
      return 'invalid YAML: tabs are not allowed for indentation';
    default:
      return `invalid YAML: ${lower}`;
  }
}

function yamlHints(code: string, message: string): string[] {
  if (/flow (sequence|collection|mapping)/i.test(message)) {
    return ['close the list with `]` (or the mapping with `}`), or quote the value if the bracket is text'];
  }
  switch (code) {
    case 'BAD_INDENT':
    case 'TAB_AS_INDENT':
      return ['indent with spaces, the same number for every key of one mapping'];
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return ['a value that contains `: ` must be quoted'];
    default:
      return [
        'values that contain `: `, `#`, or start with `[`, `{`, `*`, `&`, `!`, `%` or `@` must be quoted',
      ];
  }
}
