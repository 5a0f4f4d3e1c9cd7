/** Renders the inline AST as plain text (JSON Resume, PDF metadata, sorting and matching). */
import type { Inline } from './ast.js';

type Handlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>) => string };

const handlers: Handlers = {
  text: (node) => node.value,
  strong: (node) => inlineToText(node.children),
  emph: (node) => inlineToText(node.children),
  link: (node) => inlineToText(node.children),
  nbsp: () => ' ',
  dash: (node) => (node.kind === 'en' ? '–' : '—'),
  superscript: (node) => inlineToText(node.children),
  linebreak: () => '\n',
  quote: (node) => `“${inlineToText(node.children)}”`,
  html: (node) => htmlToText(node.value),
};

export function inlineToText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    const handler = handlers[node.type] as (n: Inline) => string;
    out += handler(node);
  }
  return out;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  eacute: 'é',
  oacute: 'ó',
  iacute: 'í',
  aacute: 'á',
};

/** The text content of an HTML fragment: tags dropped, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i] as string;
    if (c === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) {
        out += html.slice(i);
        break;
      }
      const tag = html
        .slice(i + 1, close)
        .trim()
        .toLowerCase();
      if (/^(br|\/p|\/li|\/div|\/h[1-6])\b/.test(tag)) out += ' ';
      i = close + 1;
      continue;
    }
    if (c === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      if (m?.[1]) {
        out += decodeEntity(m[1]) ?? m[0];
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body];
}

function safeCodePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff) return undefined;
  return String.fromCodePoint(n);
}
