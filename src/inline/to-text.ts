/** Renders the inline AST as plain text (JSON Resume, PDF metadata, sorting and matching). */
import type { Inline } from './ast.js';
import { htmlToText } from './html-text.js';

export { htmlToText };

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
