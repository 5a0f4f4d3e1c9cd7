/**
 * Sanitiser for raw HTML from web-only blocks (`about:`). htmlparser2's tokenizer (`tokenizeHtml`) reads
 * the input into text, tags and comments; the sanitiser then writes a new fragment from an allowlist: text
 * is escaped, only allowed elements and attributes are kept, URLs pass `safeUrl` after character references
 * are decoded (the full HTML5 table, by `entities`), and open elements are closed at the end so nothing
 * leaks out of the fragment.
 */
import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities';
import { RAW_TEXT_ELEMENTS, type StartTagToken, tokenizeHtml } from '../../inline/html-tokens.js';
import { safeUrl } from '../../util/safe-url.js';
import { escapeAttribute } from './escape.js';

export {
  type CommentToken,
  type EndTagToken,
  type HtmlToken,
  type StartTagToken,
  type TextToken,
  tokenizeHtml,
} from '../../inline/html-tokens.js';

// ------------------------------------------------------------------------------ character references

/**
 * An attribute value as the browser reads it: every named reference of HTML5, numeric ones with or without
 * `;`, and a legacy name without `;` (`&copy`) only where it is not followed by `=` or a letter or digit.
 */
export function decodeAttributeValue(value: string): string {
  return decodeHTMLAttribute(value);
}

/**
 * A URL attribute is checked on its decoded value. A `&name;` left after decoding is no reference the
 * browser knows either; one before the first `/`, `?` or `#` still makes the URL unsafe, to be sure.
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
  'noscript',
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

/**
 * Text content: `<` cannot occur here (the tokenizer took it), `>` is escaped, `&` kept only where it begins a
 * reference with its `;` that HTML knows (`&eacute;`, `&#233;`); any other `&` is written `&amp;`, so the page
 * shows what the print targets show.
 */
function escapeTextKeepingReferences(value: string): string {
  return value.replace(/[<>]|&(?:#[xX][0-9a-fA-F]+;|#[0-9]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (match) => {
    if (match === '<') return '&lt;';
    if (match === '>') return '&gt;';
    return match.length > 1 && decodeHTMLStrict(match) !== match ? match : `&amp;${match.slice(1)}`;
  });
}
