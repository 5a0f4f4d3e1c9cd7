/**
 * Escaping for the Jekyll Markdown page. The original wrote YAML text into the page as is; vita escapes
 * what would become HTML (`<`, `>`, and `&` when it would start an entity) and what kramdown would turn
 * into a link, a link definition or an attribute list (`\`, `[`, `]`, `{`, `}`: `[t](javascript:...)`,
 * `{: onclick=...}`), so text stays text; links are written with `\href{}{}`. `*` and `_` stay as written,
 * because users of the original put emphasis in their fields on purpose. kramdown shows `\[` as `[`.
 */
import { escapeHtmlAttribute } from '../../inline/html-escape.js';

/** Characters that start kramdown links and attribute lists. */
export const MARKDOWN_LINK_SYNTAX = /[\\[\]{}]/g;

export function escapeMarkdownText(value: string): string {
  return value
    .replace(MARKDOWN_LINK_SYNTAX, '\\$&')
    .replace(/[<>]|&(?=#?[a-zA-Z0-9]+;)/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

export const escapeMarkdownAttribute = escapeHtmlAttribute;
