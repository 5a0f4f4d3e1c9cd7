/** The `about` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { Inline } from '../../inline/ast.js';
import { parseInline } from '../../inline/parse.js';
import { inlineToHtml } from '../../inline/to-html.js';
import type { AboutSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText } from '../field-schemas.js';

const aboutSchema = z.union([displayText, z.null()]);
export const aboutSection: SectionSpec<AboutSection, typeof aboutSchema> = {
  type: 'about',
  description: 'Free text or HTML shown at the top of the web page (web targets show it as HTML).',
  schema: aboutSchema,
  resolve: (value, ctx) => {
    // The web keeps the author's HTML as written and turns the LaTeX and Markdown around it into HTML
    // (`\href{}{}` beside `<b>` is common in real files); problems are reported from this reading.
    const web = ctx.rich(value, [], { html: 'keep', markdown: true });
    const html = web.length > 0 ? inlineToHtml(web, { rawHtml: 'raw' }) : '';
    return {
      type: 'about',
      key: ctx.key,
      html,
      text: value ? printText(value) : [],
      position: ctx.position([]),
    };
  },
};

/**
 * The print (and plain-text) reading: `<b>`, `<a href>`, `<br>` and block ends become nodes, other tags
 * are dropped with their text kept; whitespace is folded as a browser folds it, with no break at the edges.
 */
function printText(value: string): Inline[] {
  const nodes = foldSpaces(parseInline(value, { html: 'structure', markdown: true }));
  const blank = (n: Inline | undefined) =>
    n?.type === 'linebreak' || (n?.type === 'text' && n.value.trim() === '');
  while (blank(nodes[0])) nodes.shift();
  while (blank(nodes.at(-1))) nodes.pop();
  // No spaces at the start or end of a line.
  nodes.forEach((node, i) => {
    if (node.type !== 'text') return;
    let value = node.value;
    if (nodes[i - 1]?.type === 'linebreak') value = value.trimStart();
    if (nodes[i + 1]?.type === 'linebreak') value = value.trimEnd();
    nodes[i] = { type: 'text', value };
  });
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = { type: 'text', value: first.value.trimStart() };
  const last = nodes.at(-1);
  if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return nodes;
}

function foldSpaces(nodes: readonly Inline[]): Inline[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { type: 'text', value: node.value.replace(/[ \t\r\n\f]+/g, ' ') };
    if ('children' in node) return { ...node, children: foldSpaces(node.children) };
    return node;
  });
}
