/** Renders the inline AST as HTML. Text is always escaped; links pass `safeUrl` or lose their href. */
import { safeUrl } from '../util/safe-url.js';
import type { Inline } from './ast.js';
import { escapeHtmlAttribute, escapeHtmlText } from './html-escape.js';
import { escapeHtmlTextWithScripts } from './script-spans.js';
import { htmlToText } from './to-text.js';

export interface InlineHtmlOptions {
  /** Extra attributes on every `<a>`, e.g. `target="_blank" rel="noopener"`; must be pre-escaped constants. */
  readonly linkAttributes?: string | undefined;
  /**
   * How `html` nodes (raw HTML from web-only blocks) are written: `text` (default) escapes their text
   * content; `raw` passes them through, for targets whose reader owns the page (the Jekyll Markdown).
   */
  readonly rawHtml?: 'text' | 'raw' | undefined;
}

type Handlers = {
  [K in Inline['type']]: (node: Extract<Inline, { type: K }>, options: InlineHtmlOptions) => string;
};

const handlers: Handlers = {
  text: (node) => escapeHtmlTextWithScripts(node.value),
  strong: (node, options) => `<strong>${inlineToHtml(node.children, options)}</strong>`,
  emph: (node, options) => `<em>${inlineToHtml(node.children, options)}</em>`,
  link: (node, options) => {
    const inner = inlineToHtml(node.children, options);
    const href = safeUrl(node.url);
    if (href === undefined) return inner;
    const extra = options.linkAttributes ? ` ${options.linkAttributes}` : '';
    return `<a href="${escapeHtmlAttribute(href)}"${extra}>${inner}</a>`;
  },
  nbsp: () => '&nbsp;',
  dash: (node) => (node.kind === 'en' ? '–' : '—'),
  superscript: (node, options) => `<sup>${inlineToHtml(node.children, options)}</sup>`,
  linebreak: () => '<br>',
  quote: (node, options) => `“${inlineToHtml(node.children, options)}”`,
  html: (node, options) => (options.rawHtml === 'raw' ? node.value : escapeHtmlText(htmlToText(node.value))),
};

export function inlineToHtml(nodes: readonly Inline[], options: InlineHtmlOptions = {}): string {
  let out = '';
  for (const node of nodes) {
    const handler = handlers[node.type] as (n: Inline, o: InlineHtmlOptions) => string;
    out += handler(node, options);
  }
  return out;
}
