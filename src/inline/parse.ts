/**
 * Parser for the LaTeX subset that cv.yaml strings and BibTeX fields use (see docs/formats.md).
 * It never throws: malformed input (an unbalanced brace, an unknown command) still yields nodes, and the
 * problem is reported with its offset so callers can point at file:line:col.
 */
import { decodeHTMLStrict } from 'entities';
import type { Inline } from './ast.js';
import {
  ACCENTS,
  DECLARATIONS,
  DROPPED,
  DROPPED_WITH_ARGUMENT,
  MATH_SYMBOLS,
  STYLE_COMMANDS,
  TEXT_SYMBOLS,
} from './symbols.js';

export interface InlineProblem {
  /** Offset in the parsed string. */
  readonly offset: number;
  readonly message: string;
  readonly hint?: string | undefined;
}

export interface InlineParseResult {
  readonly nodes: Inline[];
  readonly problems: InlineProblem[];
}

export function parseInline(source: string): Inline[] {
  return parseInlineDetailed(source).nodes;
}

export function parseInlineDetailed(source: string): InlineParseResult {
  const parser = new InlineParser(source);
  const nodes = parser.parseTopLevel();
  return { nodes, problems: parser.problems };
}

/** Characters with a meaning; a run of anything else is plain text and is taken in one slice. */
const PLAIN_RUN = /[^\\{}$~`'-]+/y;
/** Deeper nesting than this is surely not a CV's text; the rest is kept as plain text (no stack overflow). */
export const MAX_NESTING = 200;

const ESCAPED_CHARACTERS = new Set(['&', '%', '$', '#', '_', '{', '}', ' ', '|']);
const SILENT_CONTROL_SYMBOLS = new Set(['-', '/', '@', ')', '(', '!']);
const isLetter = (c: string | undefined): boolean => c !== undefined && /[a-zA-Z]/.test(c);

type Stop = 'eof' | 'brace' | 'quote';

class InlineParser {
  readonly problems: InlineProblem[] = [];
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  parseTopLevel(): Inline[] {
    const nodes: Inline[] = [];
    for (;;) {
      nodes.push(...this.parseSequence('eof'));
      if (this.pos >= this.src.length) break;
      // A stray closing brace at top level: keep it as text so nothing the user wrote disappears.
      this.problems.push({
        offset: this.pos,
        message: 'unbalanced `}`',
        hint: 'remove it, or write `\\}` for a literal brace',
      });
      nodes.push({ type: 'text', value: '}' });
      this.pos++;
    }
    return mergeText(nodes);
  }

  /** Parses until the stop token (not consumed) or the end of input. */
  private parseSequence(stop: Stop): Inline[] {
    if (this.depth >= MAX_NESTING) return this.takeRestAsText();
    this.depth++;
    try {
      return this.parseSequenceAt(stop);
    } finally {
      this.depth--;
    }
  }

  /** Past `MAX_NESTING`: everything left is shown as written, once reported. */
  private takeRestAsText(): Inline[] {
    this.problems.push({
      offset: this.pos,
      message: `markup nested more than ${MAX_NESTING} levels deep; the rest is kept as plain text`,
    });
    const rest = this.src.slice(this.pos);
    this.pos = this.src.length;
    return rest ? [{ type: 'text', value: rest }] : [];
  }

  private parseSequenceAt(stop: Stop): Inline[] {
    const out: Inline[] = [];
    let buffer = '';
    const flush = () => {
      if (buffer) out.push({ type: 'text', value: buffer });
      buffer = '';
    };
    while (this.pos < this.src.length) {
      PLAIN_RUN.lastIndex = this.pos;
      const run = PLAIN_RUN.exec(this.src);
      if (run) {
        // HTML character references (`&eacute;`, `&#x20AC;`, with their `;`) are the characters they name.
        buffer += run[0].includes('&') ? decodeHTMLStrict(run[0]) : run[0];
        this.pos += run[0].length;
        continue;
      }
      const c = this.src[this.pos] as string;
      if (c === '}' && stop !== 'quote') {
        if (stop === 'brace') break;
        break; // top level: handled by the caller
      }
      if (stop === 'quote' && this.src.startsWith("''", this.pos)) break;
      if (c === '\\') {
        const declaration = this.peekDeclaration();
        if (declaration) {
          flush();
          this.pos += declaration.length;
          this.skipSpaces();
          const rest = this.parseSequence(stop);
          const style = DECLARATIONS[declaration.slice(1)];
          out.push(...styled(style ?? 'plain', rest));
          break;
        }
        flush();
        out.push(...this.parseCommand());
        continue;
      }
      if (c === '{') {
        flush();
        out.push(...this.parseGroup());
        continue;
      }
      if (c === '$') {
        const math = this.tryParseMath();
        if (math) {
          flush();
          out.push(...math);
          continue;
        }
        buffer += c;
        this.pos++;
        continue;
      }
      if (c === '~') {
        flush();
        out.push({ type: 'nbsp' });
        this.pos++;
        continue;
      }
      if (c === '-' && this.src.startsWith('--', this.pos)) {
        flush();
        if (this.src.startsWith('---', this.pos)) {
          out.push({ type: 'dash', kind: 'em' });
          this.pos += 3;
        } else {
          out.push({ type: 'dash', kind: 'en' });
          this.pos += 2;
        }
        continue;
      }
      if (c === '`' && this.src.startsWith('``', this.pos)) {
        const close = this.src.indexOf("''", this.pos + 2);
        if (close >= 0) {
          flush();
          this.pos += 2;
          const children = this.parseSequence('quote');
          if (this.src.startsWith("''", this.pos)) this.pos += 2;
          out.push({ type: 'quote', children: mergeText(children) });
          continue;
        }
        buffer += '“';
        this.pos += 2;
        continue;
      }
      if (c === '`') {
        buffer += '‘';
        this.pos++;
        continue;
      }
      buffer += c;
      this.pos++;
    }
    flush();
    return out;
  }

  /** `{...}`: braces group (and protect case in BibTeX); they leave no trace in the output. */
  private parseGroup(): Inline[] {
    const open = this.pos;
    this.pos++; // {
    const children = this.parseSequence('brace');
    if (this.src[this.pos] === '}') this.pos++;
    else this.problems.push({ offset: open, message: 'unclosed `{`', hint: 'add the matching `}`' });
    return children;
  }

  private peekDeclaration(): string | undefined {
    const m = /^\\([a-zA-Z]+)/.exec(this.src.slice(this.pos, this.pos + 24));
    if (m?.[1] && Object.hasOwn(DECLARATIONS, m[1])) {
      const after = this.src[this.pos + m[0].length];
      if (!isLetter(after)) return m[0];
    }
    return undefined;
  }

  private parseCommand(): Inline[] {
    const start = this.pos;
    this.pos++; // backslash
    const next = this.src[this.pos];
    if (next === undefined) return [{ type: 'text', value: '\\' }];
    if (next === '\\') {
      this.pos++;
      this.skipOptionalArgument();
      return [{ type: 'linebreak' }];
    }
    if (!isLetter(next)) {
      this.pos++;
      if (Object.hasOwn(ACCENTS, next)) return this.applyAccent(next, start);
      if (ESCAPED_CHARACTERS.has(next)) return [{ type: 'text', value: next }];
      if (next === ',' || next === ';' || next === ':') return [{ type: 'text', value: '\u2009' }];
      if (SILENT_CONTROL_SYMBOLS.has(next)) return [];
      this.problems.push({ offset: start, message: `unknown command \`\\${next}\`` });
      return [{ type: 'text', value: next }];
    }
    const name = /^[a-zA-Z]+/.exec(this.src.slice(this.pos))?.[0] ?? '';
    this.pos += name.length;
    const star = this.src[this.pos] === '*';
    if (star) this.pos++;

    if (name === 'href') {
      const url = this.readRawArgument();
      const children = this.readArgument();
      if (url === undefined || children === undefined) {
        this.problems.push({ offset: start, message: '`\\href` needs two arguments: `\\href{url}{text}`' });
        return children ?? [];
      }
      return [{ type: 'link', url: unescapeUrl(url), children }];
    }
    if (name === 'url') {
      const url = this.readRawArgument();
      if (url === undefined) {
        this.problems.push({ offset: start, message: '`\\url` needs an argument: `\\url{https://...}`' });
        return [];
      }
      const clean = unescapeUrl(url);
      return [{ type: 'link', url: clean, children: [{ type: 'text', value: clean }] }];
    }
    if (name === 'newline' || name === 'linebreak' || name === 'par') {
      this.skipEmptyBraces();
      return [{ type: 'linebreak' }];
    }
    if (name === 'textendash') {
      this.skipEmptyBraces();
      return [{ type: 'dash', kind: 'en' }];
    }
    if (name === 'textemdash') {
      this.skipEmptyBraces();
      return [{ type: 'dash', kind: 'em' }];
    }
    if (Object.hasOwn(ACCENTS, name) && name.length === 1) return this.applyAccent(name, start);
    const style = STYLE_COMMANDS[name];
    if (style !== undefined && Object.hasOwn(STYLE_COMMANDS, name)) {
      const children = this.readArgument();
      if (children === undefined) {
        this.problems.push({ offset: start, message: `\`\\${name}\` needs an argument: \`\\${name}{...}\`` });
        return [];
      }
      return styled(style, children);
    }
    if (DROPPED_WITH_ARGUMENT.has(name)) {
      this.readRawArgument();
      return [];
    }
    if (DROPPED.has(name)) {
      this.skipEmptyBraces();
      return [];
    }
    if (Object.hasOwn(TEXT_SYMBOLS, name)) {
      this.skipEmptyBraces();
      return [{ type: 'text', value: TEXT_SYMBOLS[name] as string }];
    }
    if (Object.hasOwn(MATH_SYMBOLS, name)) {
      this.skipEmptyBraces();
      return [{ type: 'text', value: MATH_SYMBOLS[name] as string }];
    }
    // Unknown: keep its argument's text, if any, and say so.
    this.problems.push({
      offset: start,
      message: `unknown LaTeX command \`\\${name}\``,
      hint: 'vita understands a subset of LaTeX (see docs/formats.md); write `\\\\` for a literal backslash',
    });
    const argument = this.peekNonSpace() === '{' ? this.readArgument() : undefined;
    return argument ?? [];
  }

  /** `\"o`, `\"{o}`, `\'{\i}`, `\c{c}`, `\c c`. */
  private applyAccent(accent: string, start: number): Inline[] {
    const combining = ACCENTS[accent] as string;
    let base: string | undefined;
    if (isLetter(accent)) this.skipSpaces();
    const c = this.src[this.pos];
    if (c === '{') {
      const inner = this.readArgument();
      base = inner === undefined ? undefined : plainText(inner);
    } else if (c === '\\') {
      const m = /^\\([a-zA-Z]+)/.exec(this.src.slice(this.pos));
      if (m?.[1] && Object.hasOwn(TEXT_SYMBOLS, m[1])) {
        this.pos += m[0].length;
        base = TEXT_SYMBOLS[m[1]];
      }
    } else if (c !== undefined && !/\s/.test(c)) {
      base = c;
      this.pos += c.length;
    }
    if (base === undefined || base === '') {
      this.problems.push({ offset: start, message: `accent \`\\${accent}\` has nothing to apply to` });
      return [];
    }
    const dotless = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base;
    const first = [...dotless][0] ?? '';
    const rest = dotless.slice(first.length);
    return [{ type: 'text', value: `${first}${combining}`.normalize('NFC') + rest }];
  }

  /** `$...$`: a small part of math mode, for marks such as `$^*$`, `$^\dagger$`, `$\varheart$`. */
  private tryParseMath(): Inline[] | undefined {
    const close = this.findMathEnd(this.pos + 1);
    if (close < 0) return undefined;
    const start = this.pos + 1;
    const body = this.src.slice(start, close);
    this.pos = close + 1;
    const inner = new InlineParser(body);
    const nodes = inner.parseMath();
    for (const p of inner.problems) this.problems.push({ ...p, offset: p.offset + start });
    return nodes;
  }

  private findMathEnd(from: number): number {
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '$') return i;
    }
    return -1;
  }

  private parseMath(): Inline[] {
    const out: Inline[] = [];
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '^' || c === '_') {
        this.pos++;
        const atom = this.parseMathAtom();
        if (c === '^') out.push({ type: 'superscript', children: mergeText(atom) });
        else out.push(...atom);
        continue;
      }
      if (/\s/.test(c)) {
        this.pos++;
        continue;
      }
      out.push(...this.parseMathAtom());
    }
    return mergeText(out);
  }

  private parseMathAtom(): Inline[] {
    const c = this.src[this.pos];
    if (c === undefined) return [];
    if (c === '{') {
      if (this.depth >= MAX_NESTING) return this.takeRestAsText();
      this.depth++;
      this.pos++;
      const inner: Inline[] = [];
      while (this.pos < this.src.length && this.src[this.pos] !== '}') {
        const d = this.src[this.pos] as string;
        if (d === '^' || d === '_') {
          this.pos++;
          const atom = this.parseMathAtom();
          if (d === '^') inner.push({ type: 'superscript', children: mergeText(atom) });
          else inner.push(...atom);
          continue;
        }
        if (/\s/.test(d)) {
          this.pos++;
          continue;
        }
        inner.push(...this.parseMathAtom());
      }
      if (this.src[this.pos] === '}') this.pos++;
      this.depth--;
      return inner;
    }
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+|.)/.exec(this.src.slice(this.pos));
      const name = m?.[1] ?? '';
      this.pos += (m?.[0] ?? '\\').length;
      const symbol = MATH_SYMBOLS[name] ?? TEXT_SYMBOLS[name];
      if (symbol !== undefined && (Object.hasOwn(MATH_SYMBOLS, name) || Object.hasOwn(TEXT_SYMBOLS, name))) {
        return [{ type: 'text', value: symbol }];
      }
      const style = STYLE_COMMANDS[name];
      const isStyle = style !== undefined && Object.hasOwn(STYLE_COMMANDS, name);
      if (isStyle || ['mathrm', 'mathbf', 'mathit', 'operatorname'].includes(name)) {
        return this.parseMathAtom();
      }
      if (name.length === 1 && !isLetter(name)) return [{ type: 'text', value: name }];
      this.problems.push({ offset: this.pos, message: `unknown math command \`\\${name}\`` });
      return [{ type: 'text', value: name }];
    }
    this.pos += c.length;
    return [{ type: 'text', value: c === '*' ? '*' : c }];
  }

  /** A `{...}` argument parsed as inline markup; undefined when there is none. */
  private readArgument(): Inline[] | undefined {
    this.skipSpaces();
    if (this.src[this.pos] !== '{') return undefined;
    const open = this.pos;
    this.pos++;
    const children = this.parseSequence('brace');
    if (this.src[this.pos] === '}') this.pos++;
    else this.problems.push({ offset: open, message: 'unclosed `{`', hint: 'add the matching `}`' });
    return mergeText(children);
  }

  /** A `{...}` argument taken verbatim (URLs), with nested braces balanced. */
  private readRawArgument(): string | undefined {
    this.skipSpaces();
    if (this.src[this.pos] !== '{') return undefined;
    const open = this.pos;
    let depth = 0;
    for (let i = this.pos; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          this.pos = i + 1;
          return this.src.slice(open + 1, i);
        }
      }
    }
    this.problems.push({ offset: open, message: 'unclosed `{`', hint: 'add the matching `}`' });
    this.pos = this.src.length;
    return this.src.slice(open + 1);
  }

  private skipOptionalArgument(): void {
    if (this.src[this.pos] !== '[') return;
    const close = this.src.indexOf(']', this.pos);
    if (close >= 0) this.pos = close + 1;
  }

  private skipEmptyBraces(): void {
    if (this.src.startsWith('{}', this.pos)) this.pos += 2;
  }

  private skipSpaces(): void {
    while (this.pos < this.src.length && /[ \t\n\r]/.test(this.src[this.pos] as string)) this.pos++;
  }

  private peekNonSpace(): string | undefined {
    let i = this.pos;
    while (i < this.src.length && /[ \t]/.test(this.src[i] as string)) i++;
    return this.src[i];
  }
}

function styled(style: 'strong' | 'emph' | 'plain' | 'superscript', children: Inline[]): Inline[] {
  const merged = mergeText(children);
  if (style === 'plain') return merged;
  if (merged.length === 0) return [];
  return [{ type: style, children: merged }];
}

/** URLs in `\href{}`/`\url{}`: LaTeX needs `\%`, `\#`, `\_`, `\&`, `\~` there; the link does not. */
function unescapeUrl(url: string): string {
  return url.replace(/\\([%#_&~$])/g, '$1').trim();
}

/** Joins adjacent text nodes so renderers and tests see one node per run of text. */
export function mergeText(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    } else if (node.type !== 'text' || node.value !== '') {
      out.push(node);
    }
  }
  return out;
}

function plainText(nodes: readonly Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.value;
    else if ('children' in n) s += plainText(n.children);
  }
  return s;
}
