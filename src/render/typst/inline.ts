/**
 * Inline AST -> the JSON node objects the Typst theme renders (see docs/themes.md, "Rich text").
 * Text stays a string (Typst never evaluates a string as markup); link URLs pass `safeUrl` or the link is
 * replaced by its children; raw HTML becomes its text content.
 */
import type { Inline, InlineType } from '../../inline/ast.js';
import { htmlToTextPieces } from '../../inline/html-text.js';
import { safeUrl } from '../../util/safe-url.js';

export type TypstNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'strong' | 'emph' | 'superscript' | 'quote'; readonly children: readonly TypstNode[] }
  | { readonly type: 'link'; readonly url: string; readonly children: readonly TypstNode[] }
  | { readonly type: 'nbsp' | 'linebreak' | 'parbreak' }
  | { readonly type: 'dash'; readonly kind: 'en' | 'em' };

type InlineHandlers = {
  readonly [K in InlineType]: (node: Extract<Inline, { type: K }>) => readonly TypstNode[];
};

/** LaTeX semantics: a newline or run of spaces in the source is one space. */
const collapseSpaces = (value: string): string => value.replace(/[ \t\r\n\f]+/g, ' ');

const handlers: InlineHandlers = {
  text: (node) => (node.value === '' ? [] : [{ type: 'text', value: collapseSpaces(node.value) }]),
  strong: (node) => [{ type: 'strong', children: inlineToTypst(node.children) }],
  emph: (node) => [{ type: 'emph', children: inlineToTypst(node.children) }],
  superscript: (node) => [{ type: 'superscript', children: inlineToTypst(node.children) }],
  quote: (node) => [{ type: 'quote', children: inlineToTypst(node.children) }],
  link: (node) => {
    const children = inlineToTypst(node.children);
    const url = safeUrl(node.url);
    if (url === undefined) return children;
    return [{ type: 'link', url, children: children.length > 0 ? children : [{ type: 'text', value: url }] }];
  },
  nbsp: () => [{ type: 'nbsp' }],
  dash: (node) => [{ type: 'dash', kind: node.kind }],
  linebreak: () => [{ type: 'linebreak' }],
  html: (node) =>
    htmlToTextPieces(node.value).map((piece) =>
      piece.kind === 'text' ? { type: 'text', value: piece.value } : { type: piece.kind },
    ),
};

function convert<K extends InlineType>(node: Extract<Inline, { type: K }>): readonly TypstNode[] {
  return (handlers[node.type as K] as (n: Extract<Inline, { type: K }>) => readonly TypstNode[])(node);
}

export function inlineToTypst(nodes: readonly Inline[]): TypstNode[] {
  const out: TypstNode[] = [];
  for (const node of nodes) out.push(...convert(node));
  return out;
}
