/**
 * Sanitiser for raw HTML from web-only blocks (`about:`). A small tokenizer reads the input into text,
 * tags and comments; the sanitiser then writes a new fragment from an allowlist: text is escaped, only
 * allowed elements and attributes are kept, URLs pass `safeUrl` after character references are decoded,
 * and open elements are closed at the end so nothing leaks out of the fragment.
 */
import { safeUrl } from '../../util/safe-url.js';
import { escapeAttribute } from './escape.js';

// ------------------------------------------------------------------------------------------- tokenizer

export interface TextToken {
  readonly kind: 'text';
  /** The text as written, character references not decoded. */
  readonly value: string;
  /** Content of a raw-text element (`<script>`, `<style>`...), which HTML never parses as tags. */
  readonly raw: boolean;
}
export interface StartTagToken {
  readonly kind: 'start';
  /** Lower-cased. */
  readonly name: string;
  /** Lower-cased names; values as written (undefined for a bare attribute); duplicates dropped. */
  readonly attributes: readonly (readonly [string, string | undefined])[];
  readonly selfClosing: boolean;
}
export interface EndTagToken {
  readonly kind: 'end';
  readonly name: string;
}
export interface CommentToken {
  readonly kind: 'comment';
}
export type HtmlToken = TextToken | StartTagToken | EndTagToken | CommentToken;

/** Elements whose content the HTML parser reads as raw text up to the matching end tag. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

const isAsciiLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** Splits an HTML fragment into tokens. Never throws; an unterminated tag at the end is dropped. */
export function tokenizeHtml(input: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let pos = 0;
  let text = '';
  const flushText = () => {
    if (text !== '') tokens.push({ kind: 'text', value: text, raw: false });
    text = '';
  };

  while (pos < input.length) {
    const c = input[pos] as string;
    if (c !== '<') {
      const next = input.indexOf('<', pos);
      const end = next < 0 ? input.length : next;
      text += input.slice(pos, end);
      pos = end;
      continue;
    }
    const n = input[pos + 1];
    if (isAsciiLetter(n)) {
      const tag = readStartTag(input, pos + 1);
      if (tag === undefined) break; // unterminated at the end of input: dropped
      flushText();
      tokens.push(tag.token);
      pos = tag.end;
      if (RAW_TEXT_ELEMENTS.has(tag.token.name) && !tag.token.selfClosing) {
        const close = findRawTextEnd(input, pos, tag.token.name);
        if (close > pos) tokens.push({ kind: 'text', value: input.slice(pos, close), raw: true });
        pos = close;
      }
      continue;
    }
    if (n === '/') {
      if (isAsciiLetter(input[pos + 2])) {
        const nameEnd = scanName(input, pos + 2);
        const close = input.indexOf('>', nameEnd);
        if (close < 0) break;
        flushText();
        tokens.push({ kind: 'end', name: input.slice(pos + 2, nameEnd).toLowerCase() });
        pos = close + 1;
        continue;
      }
      if (input[pos + 2] === '>') {
        pos += 3; // `</>` is ignored by HTML parsers
        continue;
      }
      pos = skipBogusComment(input, pos + 2);
      flushText();
      tokens.push({ kind: 'comment' });
      continue;
    }
    if (n === '!' && input.startsWith('<!--', pos)) {
      flushText();
      tokens.push({ kind: 'comment' });
      pos = skipComment(input, pos + 4);
      continue;
    }
    if (n === '!' || n === '?') {
      flushText();
      tokens.push({ kind: 'comment' });
      pos = skipBogusComment(input, pos + 2);
      continue;
    }
    // A `<` that opens nothing is text.
    text += '<';
    pos++;
  }
  flushText();
  return tokens;
}

function scanName(input: string, from: number): number {
  let i = from;
  while (i < input.length && !isSpace(input[i]) && input[i] !== '/' && input[i] !== '>') i++;
  return i;
}

function readStartTag(input: string, from: number): { token: StartTagToken; end: number } | undefined {
  const nameEnd = scanName(input, from);
  const name = input.slice(from, nameEnd).toLowerCase();
  const attributes: [string, string | undefined][] = [];
  const seen = new Set<string>();
  let i = nameEnd;
  let selfClosing = false;
  for (;;) {
    while (i < input.length && (isSpace(input[i]) || input[i] === '/')) {
      selfClosing = input[i] === '/' && input[i + 1] === '>';
      i++;
    }
    if (i >= input.length) return undefined;
    if (input[i] === '>') return { token: { kind: 'start', name, attributes, selfClosing }, end: i + 1 };
    selfClosing = false;
    // Attribute name: up to whitespace, `/`, `>` or `=` (a leading `=` belongs to the name).
    const attrStart = i;
    i++;
    while (i < input.length && !isSpace(input[i]) && input[i] !== '/' && input[i] !== '>' && input[i] !== '=')
      i++;
    const attrName = input.slice(attrStart, i).toLowerCase();
    let j = i;
    while (j < input.length && isSpace(input[j])) j++;
    let value: string | undefined;
    if (input[j] === '=') {
      j++;
      while (j < input.length && isSpace(input[j])) j++;
      const quote = input[j];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, j + 1);
        if (close < 0) return undefined;
        value = input.slice(j + 1, close);
        i = close + 1;
      } else {
        let k = j;
        while (k < input.length && !isSpace(input[k]) && input[k] !== '>') k++;
        value = input.slice(j, k);
        i = k;
      }
    }
    if (!seen.has(attrName)) {
      seen.add(attrName);
      attributes.push([attrName, value]);
    }
  }
}

/** Position of the `</name` that ends a raw-text element (case-insensitive), or the end of input. */
function findRawTextEnd(input: string, from: number, name: string): number {
  const lower = input.toLowerCase();
  let at = from;
  for (;;) {
    const found = lower.indexOf(`</${name}`, at);
    if (found < 0) return input.length;
    const after = input[found + 2 + name.length];
    if (after === undefined || isSpace(after) || after === '/' || after === '>') return found;
    at = found + 1;
  }
}

/** After `<!--`: the end of the comment (`-->`, `--!>`, or the short forms `<!-->` and `<!--->`). */
function skipComment(input: string, from: number): number {
  if (input.startsWith('>', from)) return from + 1;
  if (input.startsWith('->', from)) return from + 2;
  for (let i = from; i < input.length; i++) {
    if (input.startsWith('-->', i)) return i + 3;
    if (input.startsWith('--!>', i)) return i + 4;
  }
  return input.length;
}

function skipBogusComment(input: string, from: number): number {
  const close = input.indexOf('>', from);
  return close < 0 ? input.length : close + 1;
}

// ------------------------------------------------------------------------------ character references

/** The named references an attribute value may use to spell a URL; anything else is left as written. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  semi: ';',
  sol: '/',
  bsol: '\\',
  tab: '\t',
  Tab: '\t',
  newline: '\n',
  NewLine: '\n',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  excl: '!',
  quest: '?',
  num: '#',
  percnt: '%',
  equals: '=',
  commat: '@',
  plus: '+',
  dollar: '$',
  lowbar: '_',
  hyphen: '-',
  dash: '-',
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);)/g;

function codePointText(n: number): string {
  if (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/** Decodes numeric references (with or without `;`, as browsers do) and the named ones listed above. */
export function decodeAttributeValue(value: string): string {
  return value.replace(
    REFERENCE,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex !== undefined) return codePointText(Number.parseInt(hex, 16));
      if (dec !== undefined) return codePointText(Number.parseInt(dec, 10));
      return (name !== undefined && NAMED_REFERENCES[name]) || whole;
    },
  );
}

/**
 * A URL attribute is checked on its decoded value. A reference this decoder does not know could still
 * stand for a `:` in the browser, so one that appears before the first `/`, `?` or `#` makes it unsafe.
 */
function checkedUrl(raw: string): string | undefined {
  const decoded = decodeAttributeValue(raw);
  const pathStart = decoded.search(/[/?#]/);
  const head = pathStart < 0 ? decoded : decoded.slice(0, pathStart);
  if (/&[A-Za-z0-9#]/.test(head)) return undefined;
  return safeUrl(decoded);
}

// ------------------------------------------------------------------------------------------- sanitiser

/** Allowed elements and, for each, its allowed attributes beyond `title`. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  a: ['href', 'target'],
  b: [],
  strong: [],
  i: [],
  em: [],
  br: [],
  ul: [],
  ol: ['start'],
  li: [],
  span: [],
  code: [],
};
const VOID_ELEMENTS = new Set(['br']);

/** Elements dropped together with their content (not only their tags). */
const DROPPED_WITH_CONTENT = new Set([
  ...RAW_TEXT_ELEMENTS,
  'svg',
  'math',
  'template',
  'object',
  'applet',
  'select',
]);

/** Elements whose removal is worth a warning: they could run code, load content or change the page. */
const DANGEROUS_ELEMENTS = new Set([
  ...DROPPED_WITH_CONTENT,
  'embed',
  'frame',
  'frameset',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'img',
  'video',
  'audio',
  'source',
  'picture',
]);

export interface SanitizeResult {
  /** The sanitised fragment: well-formed, every element closed. */
  readonly html: string;
  /** What was removed that could have been active content, e.g. `<script> element`, `onerror attribute`. */
  readonly removed: readonly string[];
}

export function sanitizeHtml(input: string): SanitizeResult {
  const removed = new Set<string>();
  const open: string[] = [];
  let out = '';
  /** Inside an element dropped with its content: its name and how deep same-name elements nest. */
  let skipping: { name: string; depth: number } | undefined;

  const closeThrough = (index: number) => {
    while (open.length > index) out += `</${open.pop()}>`;
  };

  for (const token of tokenizeHtml(input)) {
    if (skipping) {
      if (token.kind === 'start' && token.name === skipping.name && !token.selfClosing) skipping.depth++;
      if (token.kind === 'end' && token.name === skipping.name && --skipping.depth === 0)
        skipping = undefined;
      continue;
    }
    switch (token.kind) {
      case 'comment':
        break;
      case 'text':
        if (!token.raw) out += escapeTextKeepingReferences(token.value);
        break;
      case 'end': {
        const index = open.lastIndexOf(token.name);
        if (index >= 0) closeThrough(index);
        break;
      }
      case 'start': {
        const allowed = ALLOWED[token.name];
        if (allowed === undefined) {
          if (DANGEROUS_ELEMENTS.has(token.name)) removed.add(`<${token.name}> element`);
          for (const [name] of token.attributes) if (name.startsWith('on')) removed.add(`${name} attribute`);
          if (DROPPED_WITH_CONTENT.has(token.name) && !token.selfClosing)
            skipping = { name: token.name, depth: 1 };
          break;
        }
        autoClose(token.name, open, closeThrough);
        out += `<${token.name}${sanitizeAttributes(token, allowed, removed)}>`;
        if (!VOID_ELEMENTS.has(token.name)) open.push(token.name);
        break;
      }
    }
  }
  closeThrough(0);
  return { html: out, removed: [...removed] };
}

/** The implied end tags HTML would add: a new block closes an open `<p>`, a new `<li>` the previous one. */
function autoClose(name: string, open: readonly string[], closeThrough: (index: number) => void): void {
  const lastListBoundary = Math.max(open.lastIndexOf('ul'), open.lastIndexOf('ol'));
  if (name === 'p' || name === 'ul' || name === 'ol' || name === 'li') {
    const p = open.lastIndexOf('p');
    if (p > Math.max(lastListBoundary, open.lastIndexOf('li'))) closeThrough(p);
  }
  if (name === 'li') {
    const li = open.lastIndexOf('li');
    if (li > lastListBoundary) closeThrough(li);
  }
  if (name === 'a') {
    const a = open.lastIndexOf('a');
    if (a >= 0) closeThrough(a);
  }
}

function sanitizeAttributes(token: StartTagToken, allowed: readonly string[], removed: Set<string>): string {
  let out = '';
  let blankTarget = false;
  for (const [name, value] of token.attributes) {
    if (name.startsWith('on')) {
      removed.add(`${name} attribute`);
      continue;
    }
    if (name !== 'title' && !allowed.includes(name)) continue;
    const raw = value ?? '';
    if (name === 'href') {
      const url = checkedUrl(raw);
      if (url === undefined) {
        removed.add(`unsafe URL in <${token.name} href>`);
        continue;
      }
      out += ` href="${escapeAttribute(url)}"`;
    } else if (name === 'target') {
      blankTarget = decodeAttributeValue(raw).trim().toLowerCase() === '_blank';
    } else if (name === 'start') {
      const start = decodeAttributeValue(raw).trim();
      if (/^-?[0-9]{1,9}$/.test(start)) out += ` start="${start}"`;
    } else {
      out += ` ${name}="${escapeAttribute(decodeAttributeValue(raw))}"`;
    }
  }
  if (blankTarget) out += ' target="_blank" rel="noopener noreferrer"';
  return out;
}

/** Text content: `<` cannot occur here (the tokenizer took it), `>` is escaped, `&` kept only as a reference. */
function escapeTextKeepingReferences(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (c === '&') {
      const ref = /^&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/.exec(value.slice(i, i + 40));
      if (ref) {
        out += ref[0];
        i += ref[0].length - 1;
      } else {
        out += '&amp;';
      }
    } else out += c;
  }
  return out;
}
