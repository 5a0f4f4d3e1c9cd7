/**
 * Parser for the LaTeX subset that cv.yaml strings and BibTeX fields use (see docs/formats.md).
 * It never throws: malformed input (an unbalanced brace, an unknown command) still yields nodes, and the
 * problem is reported with its offset so callers can point at file:line:col.
 */
import { decodeHTMLStrict } from 'entities';
import type { Inline } from './ast.js';
import { decodeEntities } from './html-text.js';
import {
  ACCENTS,
  BLOCK_END_TAGS,
  DECLARATIONS,
  DROPPED,
  DROPPED_WITH_ARGUMENT,
  HTML_ELEMENTS,
  HTML_INLINE_TAGS,
  HTML_RAW_TEXT_TAGS,
  MATH_SYMBOLS,
  STYLE_COMMANDS,
  TEXT_SYMBOLS,
} from './symbols.js';

export interface InlineProblem {
  /** Offset in the parsed string. */
  readonly offset: number;
  readonly message: string;
  readonly hint?: string | undefined;
  /**
   * Set on problems that name a thing (an unknown command, an unsupported tag): callers report the first
   * problem with a given `once` key in a file and skip the rest.
   */
  readonly once?: string | undefined;
}

/** What else than the LaTeX subset a string may contain. cv.yaml text: all of it; BibTeX fields: none. */
export interface InlineParseOptions {
  /**
   * Inline HTML: `structure` reads `<b>`, `<i>`, `<a href>`, `<br>`, ... into nodes, decodes entities and
   * keeps the text of other tags; `keep` leaves every tag, comment and entity as an `html` node (for
   * `about:`, which web targets show as HTML); absent: `<` and `&` are text.
   */
  readonly html?: 'structure' | 'keep' | undefined;
  /** Markdown links `[text](url)` and emphasis `**bold**`, `*italic*`, `__bold__`, `_italic_`. */
  readonly markdown?: boolean | undefined;
  /** Report tags other than the inline ones (with `html: 'structure'`). */
  readonly warnUnsupportedTags?: boolean | undefined;
}

export interface InlineParseResult {
  readonly nodes: Inline[];
  readonly problems: InlineProblem[];
}

export function parseInline(source: string, options: InlineParseOptions = {}): Inline[] {
  return parseInlineDetailed(source, options).nodes;
}

/** The options for text written in cv.yaml: LaTeX, inline HTML and Markdown. */
export const YAML_TEXT: InlineParseOptions = { html: 'structure', markdown: true, warnUnsupportedTags: true };

export function parseInlineDetailed(source: string, options: InlineParseOptions = {}): InlineParseResult {
  const parser = new InlineParser(source, options);
  const nodes = parser.parseTopLevel();
  return { nodes, problems: parser.problems };
}

/** Characters with a meaning; a run of anything else is plain text and is taken in one slice. */
const PLAIN_RUN = /[^\\{}$~`'-]+/y;
const PLAIN_RUN_HTML = /[^\\{}$~`'<&-]+/y;
const PLAIN_RUN_MARKDOWN = /[^\\{}$~`'[*_-]+/y;
const PLAIN_RUN_BOTH = /[^\\{}$~`'<&[*_-]+/y;

/** A start or end tag; attribute values may hold `>` inside quotes. */
const HTML_TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const HTML_ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
const HREF_ATTRIBUTE = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const isWordCharacter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
/** What may stand before Markdown emphasis besides a space: `(*a*)`, `"*a*"`, `--*a*`; not `/` (URLs). */
const OPENING_PUNCTUATION = /^[([{"'‘“«>\u2013\u2014-]$/;
/** Deeper nesting than this is surely not a CV's text; the rest is kept as plain text (no stack overflow). */
export const MAX_NESTING = 200;
/** Failed look-aheads allowed per parse; past them, unclosed HTML and Markdown openers are text. */
const MAX_FAILED_SCANS = 64;

const ESCAPED_CHARACTERS = new Set(['&', '%', '$', '#', '_', '{', '}', ' ', '|']);
const SILENT_CONTROL_SYMBOLS = new Set(['-', '/', '@', ')', '(', '!']);
const isLetter = (c: string | undefined): boolean => c !== undefined && /[a-zA-Z]/.test(c);

type Stop = 'eof' | 'brace' | 'quote';

class InlineParser {
  readonly problems: InlineProblem[] = [];
  private pos = 0;
  private depth = 0;

  private readonly plainRun: RegExp;

  constructor(
    private readonly src: string,
    private readonly options: InlineParseOptions = {},
    /**
     * Look-aheads (for an end tag, a `]`, a closing `*`) that may still fail: each failure scans the rest of
     * the text, so hostile text (`<b>` or `[` thousands of times, never closed) must not make parsing quadratic.
     */
    private readonly budget: { failedScans: number } = { failedScans: MAX_FAILED_SCANS },
  ) {
    const html = options.html !== undefined;
    const markdown = options.markdown === true;
    this.plainRun = html
      ? markdown
        ? PLAIN_RUN_BOTH
        : PLAIN_RUN_HTML
      : markdown
        ? PLAIN_RUN_MARKDOWN
        : PLAIN_RUN;
  }

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
      this.plainRun.lastIndex = this.pos;
      const run = this.plainRun.exec(this.src);
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
      const extra =
        c === '<' || c === '&'
          ? this.tryHtml(c)
          : c === '[' || c === '*' || c === '_'
            ? this.tryMarkdown(c)
            : undefined;
      if (extra) {
        flush();
        out.push(...extra);
        continue;
      }
      buffer += c;
      this.pos++;
    }
    flush();
    return out;
  }

  /** Parses `src[start, end)` as its own text, its problems placed in this one's string. */
  private subParse(start: number, end: number): Inline[] {
    if (this.depth >= MAX_NESTING) {
      this.problems.push({
        offset: start,
        message: `markup nested more than ${MAX_NESTING} levels deep; the rest is kept as plain text`,
      });
      return [{ type: 'text', value: this.src.slice(start, end) }];
    }
    const inner = new InlineParser(this.src.slice(start, end), this.options, this.budget);
    inner.depth = this.depth + 1;
    const nodes = inner.parseTopLevel();
    for (const p of inner.problems) this.problems.push({ ...p, offset: p.offset + start });
    return nodes;
  }

  /** `<tag ...>`, `</tag>`, `<!-- -->` and `&entity;`, when `html` is on; undefined: the character is text. */
  private tryHtml(c: '<' | '&'): Inline[] | undefined {
    const mode = this.options.html;
    if (mode === undefined) return undefined;
    const start = this.pos;
    if (c === '&') {
      HTML_ENTITY.lastIndex = start;
      const m = HTML_ENTITY.exec(this.src);
      if (!m) return undefined;
      this.pos += m[0].length;
      return [
        mode === 'keep' ? { type: 'html', value: m[0] } : { type: 'text', value: decodeEntities(m[0]) },
      ];
    }
    if (this.src.startsWith('<!--', start)) {
      const end = this.src.indexOf('-->', start + 4);
      if (end < 0) return undefined;
      this.pos = end + 3;
      return mode === 'keep' ? [{ type: 'html', value: this.src.slice(start, this.pos) }] : [];
    }
    HTML_TAG.lastIndex = start;
    const m = HTML_TAG.exec(this.src);
    const name = m?.[2]?.toLowerCase();
    if (!m || name === undefined || !HTML_ELEMENTS.has(name)) return undefined;
    const closing = m[1] === '/';
    this.pos += m[0].length;
    if (HTML_RAW_TEXT_TAGS.has(name) && !closing) {
      // `<script>`, `<style>`: their body is not text; the whole element is one piece.
      const close = this.findCloseTag(name, this.pos);
      this.pos = close ? close.end : this.src.length;
      if (mode === 'keep') return [{ type: 'html', value: this.src.slice(start, this.pos) }];
      this.unsupportedTag(name, start, 'is left out with its content');
      return [];
    }
    if (mode === 'keep') return [{ type: 'html', value: m[0] }];
    if (name === 'br') return [{ type: 'linebreak' }];
    if (closing) return BLOCK_END_TAGS.has(name) ? [{ type: 'linebreak' }] : [];
    const style = HTML_INLINE_TAGS[name];
    if (style === undefined || !Object.hasOwn(HTML_INLINE_TAGS, name)) {
      if (name !== 'p' && name !== 'div')
        this.unsupportedTag(name, start, 'is not shown here; its text is kept');
      return name === 'hr' ? [{ type: 'linebreak' }] : [];
    }
    const close =
      m[4] === '/' || !this.canScan() ? undefined : this.failedIfNone(this.findCloseTag(name, this.pos));
    if (close === undefined) {
      // No end tag: the tag is dropped and what follows is text as usual.
      return [];
    }
    const children = this.subParse(this.pos, close.start);
    this.pos = close.end;
    if (style === 'link') {
      const href = HREF_ATTRIBUTE.exec(m[3] ?? '');
      const url = href ? (href[1] ?? href[2] ?? href[3] ?? '') : '';
      if (url.trim() === '') return children;
      return [{ type: 'link', url: decodeEntities(url).trim(), children }];
    }
    return styled(style, children);
  }

  private unsupportedTag(name: string, offset: number, what: string): void {
    if (!this.options.warnUnsupportedTags) return;
    this.problems.push({
      offset,
      message: `HTML tag \`<${name}>\` ${what}`,
      hint: 'text fields take <b>, <strong>, <i>, <em>, <a href>, <br>, <sup>, <u>, <code> and <span>',
      once: `<${name}>`,
    });
  }

  /** The end tag that closes an element opened just before `from` (same-name elements may nest). */
  private findCloseTag(name: string, from: number): { start: number; end: number } | undefined {
    const pattern = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi');
    pattern.lastIndex = from;
    let depth = 1;
    for (let m = pattern.exec(this.src); m; m = pattern.exec(this.src)) {
      if (m[1] === '/') depth--;
      else if (!m[0].endsWith('/>')) depth++;
      if (depth === 0) return { start: m.index, end: m.index + m[0].length };
    }
    return undefined;
  }

  /** `[text](url)`, `**bold**`, `*italic*`, `__bold__`, `_italic_`, when `markdown` is on. */
  private tryMarkdown(c: '[' | '*' | '_'): Inline[] | undefined {
    if (!this.options.markdown) return undefined;
    const start = this.pos;
    if (!this.canScan()) return undefined;
    if (c === '[') {
      const close = this.findBracketEnd(start + 1);
      if (close < 0) this.budget.failedScans--;
      if (close < 0 || this.src[close + 1] !== '(') return undefined;
      const urlEnd = this.findUrlEnd(close + 2);
      if (urlEnd < 0) return undefined;
      const url = this.src.slice(close + 2, urlEnd);
      const children = this.subParse(start + 1, close);
      this.pos = urlEnd + 1;
      return [{ type: 'link', url, children }];
    }
    // Emphasis opens before a non-space and not inside a word (`snake_case`, `Author*`), and closes
    // after a non-space and before a non-word character.
    const delimiter = this.src.startsWith(c + c, start) ? c + c : c;
    const after = this.src[start + delimiter.length];
    const before = this.src[start - 1];
    // Nor before closing punctuation: `\LaTeX **, Java**` is a skill rating, not bold.
    if (isSpace(after) || after === c || /[,.;:!?)\]}]/.test(after as string)) return undefined;
    if (!(isSpace(before) || OPENING_PUNCTUATION.test(before as string))) return undefined;
    for (
      let i = this.src.indexOf(delimiter, start + delimiter.length + 1);
      i >= 0;
      i = this.src.indexOf(delimiter, i + 1)
    ) {
      const before = this.src[i - 1];
      const next = this.src[i + delimiter.length];
      if (isSpace(before) || before === '\\' || before === c) continue;
      if (next === c || isWordCharacter(next)) continue;
      const children = this.subParse(start + delimiter.length, i);
      this.pos = i + delimiter.length;
      return styled(delimiter.length === 2 ? 'strong' : 'emph', children);
    }
    this.budget.failedScans--;
    return undefined;
  }

  private canScan(): boolean {
    return this.budget.failedScans > 0;
  }

  private failedIfNone<T>(found: T | undefined): T | undefined {
    if (found === undefined) this.budget.failedScans--;
    return found;
  }

  /** The `]` that closes a `[` (brackets nest; `\]` is escaped); -1 when there is none. */
  private findBracketEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) return i;
        depth--;
      }
    }
    return -1;
  }

  /** The `)` that ends a Markdown link's URL (no spaces; parentheses may nest); -1 when there is none. */
  private findUrlEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i] as string;
      if (/\s/.test(c)) return -1;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return i > from ? i : -1;
        depth--;
      }
    }
    return -1;
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
      this.problems.push({ offset: start, message: `unknown command \`\\${next}\``, once: `\\${next}` });
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
      hint: 'vita understands a subset of LaTeX (see docs/formats.md); its argument is kept as text; `\\textbackslash` is a backslash',
      once: `\\${name}`,
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
      this.problems.push({
        offset: this.pos,
        message: `unknown math command \`\\${name}\``,
        once: `\\${name}`,
      });
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

function styled(style: 'strong' | 'emph' | 'plain' | 'superscript', children: readonly Inline[]): Inline[] {
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
