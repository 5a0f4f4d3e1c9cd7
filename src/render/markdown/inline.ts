/**
 * The inline AST as the original's Markdown page wrote it: `**bold**`, `*italic*`, `<a href>` links, `-`
 * dashes. Inside the page's HTML tables kramdown reads no Markdown (only `markdown="1"` blocks are read),
 * so text written there uses the `html` style: `<strong>` and `<em>`, which render everywhere.
 */
import type { Inline } from '../../inline/ast.js';
import { safeUrl } from '../../util/safe-url.js';
import { escapeMarkdownAttribute, escapeMarkdownText } from './escape.js';

/** `markdown`: emphasis as `**`/`*` (text kramdown reads); `html`: as `<strong>`/`<em>` (raw HTML blocks). */
export type MarkdownInlineStyle = 'markdown' | 'html';

type Handlers = {
  [K in Inline['type']]: (node: Extract<Inline, { type: K }>, style: MarkdownInlineStyle) => string;
};

const handlers: Handlers = {
  text: (node) => escapeMarkdownText(node.value),
  strong: (node, style) =>
    style === 'html'
      ? `<strong>${inlineToMarkdown(node.children, style)}</strong>`
      : `**${inlineToMarkdown(node.children, style)}**`,
  emph: (node, style) =>
    style === 'html'
      ? `<em>${inlineToMarkdown(node.children, style)}</em>`
      : `*${inlineToMarkdown(node.children, style)}*`,
  link: (node, style) => {
    const inner = inlineToMarkdown(node.children, style);
    const href = safeUrl(node.url);
    return href === undefined ? inner : `<a href="${escapeMarkdownAttribute(href)}">${inner}</a>`;
  },
  // The original turned `~` and `.~` into plain spaces and both dashes into `-` on the web page.
  nbsp: () => ' ',
  dash: () => '-',
  superscript: (node, style) => `<sup>${inlineToMarkdown(node.children, style)}</sup>`,
  linebreak: () => '<br>',
  quote: (node, style) => `"${inlineToMarkdown(node.children, style)}"`,
  // Raw HTML blocks (`about:`) belong to the page's author: written as they are.
  html: (node) => node.value,
};

export function inlineToMarkdown(nodes: readonly Inline[], style: MarkdownInlineStyle = 'markdown'): string {
  let out = '';
  for (const node of nodes)
    out += (handlers[node.type] as (n: Inline, s: MarkdownInlineStyle) => string)(node, style);
  return out;
}
