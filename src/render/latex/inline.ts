/** The inline AST as LaTeX: one handler per node type; all text goes through the context's escaping. */
import type { Inline } from '../../inline/ast.js';
import { htmlToText } from '../../inline/to-text.js';
import type { LatexContext } from './context.js';

type InlineHandlers = {
  readonly [K in Inline['type']]: (node: Extract<Inline, { type: K }>, context: LatexContext) => string;
};

const handlers: InlineHandlers = {
  text: (node, context) => context.text(node.value),
  strong: (node, context) => `\\textbf{${renderInline(node.children, context)}}`,
  emph: (node, context) => `\\emph{${renderInline(node.children, context)}}`,
  link: (node, context) => {
    const body = node.children.length > 0 ? renderInline(node.children, context) : context.text(node.url);
    return context.link(node.url, body);
  },
  nbsp: () => '~',
  dash: (node) => (node.kind === 'en' ? '--' : '---'),
  superscript: (node, context) => `\\textsuperscript{${renderInline(node.children, context)}}`,
  // `\newline` ends with `\relax`, so a following `*` or `[` is text, not an argument.
  linebreak: () => '\\newline{}',
  quote: (node, context) =>
    `\\textquotedblleft{}${renderInline(node.children, context)}\\textquotedblright{}`,
  // Print targets show the text content of raw HTML (`about:` blocks), never the markup.
  html: (node, context) => context.text(htmlToText(node.value)),
};

export function renderInline(nodes: readonly Inline[], context: LatexContext): string {
  let out = '';
  for (const node of nodes) {
    const handler = handlers[node.type] as (node: Inline, context: LatexContext) => string;
    const piece = handler(node, context);
    // `-` meeting `-` across two nodes would merge into a dash ligature (`a-` + `--` = em dash): keep them apart.
    out += out.endsWith('-') && piece.startsWith('-') ? `{}${piece}` : piece;
  }
  return out;
}
