/** The inline AST as the original's Markdown page wrote it: `**bold**`, `*italic*`, `<a href>` links, `-` dashes. */
import type { Inline } from '../../inline/ast.js';
import { safeUrl } from '../../util/safe-url.js';
import { escapeMarkdownAttribute, escapeMarkdownText } from './escape.js';

type Handlers = { [K in Inline['type']]: (node: Extract<Inline, { type: K }>) => string };

const handlers: Handlers = {
  text: (node) => escapeMarkdownText(node.value),
  strong: (node) => `**${inlineToMarkdown(node.children)}**`,
  emph: (node) => `*${inlineToMarkdown(node.children)}*`,
  link: (node) => {
    const inner = inlineToMarkdown(node.children);
    const href = safeUrl(node.url);
    return href === undefined ? inner : `<a href="${escapeMarkdownAttribute(href)}">${inner}</a>`;
  },
  // The original turned `~` and `.~` into plain spaces and both dashes into `-` on the web page.
  nbsp: () => ' ',
  dash: () => '-',
  superscript: (node) => `<sup>${inlineToMarkdown(node.children)}</sup>`,
  linebreak: () => '<br>',
  quote: (node) => `"${inlineToMarkdown(node.children)}"`,
  // Raw HTML blocks (`about:`) belong to the page's author: written as they are.
  html: (node) => node.value,
};

export function inlineToMarkdown(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) out += (handlers[node.type] as (n: Inline) => string)(node);
  return out;
}
