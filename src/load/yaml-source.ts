/**
 * A parsed YAML file that remembers where every value came from, so any problem found later (schema,
 * publications, enrichment) can point at file:line:col.
 *
 * YAML is read as YAML 1.1, as PyYAML (the original tool) reads it: `True`/`yes` are booleans, `1:20` is
 * sexagesimal. Values a person writes as display text keep the text they wrote: an unquoted date
 * (`2019-05-19`) or a decimal (`4.0`) stays that string instead of becoming a Date or `4`.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import { type Diagnostic, error, type SourcePosition, warning } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/source-map.js';
import { scalarOffsets } from './scalar-offsets.js';

export type YamlPath = readonly (string | number)[];

export class YamlSource {
  readonly lines: LineIndex;

  private constructor(
    readonly file: string,
    readonly text: string,
    readonly document: Document.Parsed,
  ) {
    this.lines = new LineIndex(text);
  }

  static parse(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
    const document = parseDocument(text, { version: '1.1', uniqueKeys: true, prettyErrors: false });
    const source = new YamlSource(file, text, document);
    const diagnostics: Diagnostic[] = [];
    for (const e of document.errors) {
      diagnostics.push(
        error({
          code: 'yaml-syntax',
          message: yamlMessage(e.code, e.message),
          position: source.lines.position(file, e.pos[0]),
          hints: yamlHints(e.code, e.message),
        }),
      );
    }
    for (const w of document.warnings) {
      diagnostics.push(
        warning({
          code: 'yaml-warning',
          message: yamlMessage(w.code, w.message),
          position: source.lines.position(file, w.pos[0]),
        }),
      );
    }
    return { source, diagnostics };
  }

  /** The document as plain data (see the class comment for how scalars are read). */
  toData(): unknown {
    if (this.data === undefined) {
      const budget: ExpansionBudget = { nodes: 0 };
      this.data = { value: nodeToData(this.document.contents as Node | null, this.document, budget) };
      this.expansionLimitOffset = budget.exceededAt;
    }
    return this.data.value;
  }

  private data: { readonly value: unknown } | undefined;

  /** Where alias expansion stopped (`toData` past `MAX_YAML_NODES`), if it did: a hostile or broken file. */
  expansionLimitOffset: number | undefined;

  /** Position of the value at `path`; for a missing key, its parent; `key: true` points at the key itself. */
  positionOf(path: YamlPath, options: { key?: boolean } = {}): SourcePosition {
    const { best } = this.locate(path, options);
    return this.lines.position(this.file, best?.[0] ?? 0);
  }

  /**
   * Position of the character at `offset` inside the string value at `path` (a problem found by the markup
   * parser). Exact for plain and quoted scalars (escapes such as `\\` counted as written), on one line or
   * folded over several, and for block scalars (`|`, `>`); the start of the value where it cannot be told.
   */
  positionInValue(path: YamlPath, offset: number): SourcePosition {
    const { node, best } = this.locate(path, {});
    const start = best?.[0] ?? 0;
    if (!isScalar(node) || typeof node.value !== 'string' || offset < 0)
      return this.lines.position(this.file, start);
    const end = best?.[1] ?? start;
    const raw = this.text.slice(start, end);
    if (node.type === 'PLAIN' && !raw.includes('\n'))
      return this.lines.position(this.file, start + Math.min(offset, raw.length));
    if (raw.includes('\n')) {
      // Block scalars and folded lines: the value is rebuilt with its offsets (see scalar-offsets.ts).
      const offsets = scalarOffsets(node.type, raw, node.value);
      const at = offsets?.[Math.min(offset, offsets.length - 1)];
      return this.lines.position(this.file, start + (at ?? 0));
    }
    if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') {
      const double = node.type === 'QUOTE_DOUBLE';
      let produced = 0;
      let i = 1; // after the opening quote
      while (i < raw.length - 1 && produced < offset) {
        const c = raw[i];
        if (c === '\n') return this.lines.position(this.file, start); // folded lines: no exact mapping
        if (double && c === '\\') i += raw[i + 1] === 'x' ? 4 : raw[i + 1] === 'u' ? 6 : 2;
        else if (!double && c === "'" && raw[i + 1] === "'") i += 2;
        else i += 1;
        produced += 1;
      }
      return this.lines.position(this.file, start + i);
    }
    return this.lines.position(this.file, start);
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

  /** Each mapping's pairs by key, built on first use: positions are asked for often (every author link). */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (!index.has(key)) index.set(key, pair);
        }
      }
      this.pairIndex.set(map, index);
    }
    return index;
  }

  /** Top-level keys in file order. */
  topLevelKeys(): string[] {
    const contents = this.document.contents;
    if (!isMap(contents)) return [];
    return contents.items.flatMap((p) => (isPair(p) && isScalar(p.key) ? [String(p.key.value)] : []));
  }
}

function rangeOf(node: unknown): readonly number[] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range ?? undefined;
  }
  return undefined;
}

/** Aliases may nest (`*a` inside `&b`): bound their expansion so a hostile file cannot blow up memory. */
export const MAX_YAML_NODES = 1_000_000;

interface ExpansionBudget {
  nodes: number;
  exceededAt?: number;
}

function nodeToData(node: Node | null | undefined, doc: Document.Parsed, budget: ExpansionBudget): unknown {
  if (node === null || node === undefined || budget.exceededAt !== undefined) return null;
  budget.nodes++;
  if (budget.nodes > MAX_YAML_NODES) {
    budget.exceededAt = rangeOf(node)?.[0] ?? 0;
    return null;
  }
  if (isScalar(node)) {
    const value = node.value;
    if (value instanceof Date) return node.source ?? value.toISOString().slice(0, 10);
    if (
      typeof value === 'number' &&
      typeof node.source === 'string' &&
      !/^[-+]?\d+$/.test(node.source.trim())
    ) {
      // 4.0, 1e3, 1:20: keep what the person wrote where it is shown; numeric fields parse it back.
      return Number.isInteger(value) && !/[.eE]/.test(node.source) ? value : node.source;
    }
    if (typeof value === 'bigint') return Number(value);
    return value;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = nodeToData(pair.value as Node | null, doc, budget);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => nodeToData(item as Node | null, doc, budget));
  if (isAlias(node)) {
    if (budget.exceededAt !== undefined) return null;
    const resolved = node.resolve(doc);
    return resolved ? nodeToData(resolved as Node, doc, budget) : null;
  }
  return null;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  const lower = `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  if (/flow (sequence|collection|mapping)/i.test(text))
    return `invalid YAML: unclosed \`[\` or \`{\` (${lower})`;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'invalid YAML: this key appears twice in the same mapping';
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
    case 'DUPLICATE_KEY':
      return ['remove one of the two, or merge their contents'];
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
