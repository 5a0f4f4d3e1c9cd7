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

/**
 * Jekyll runs Liquid over the page before kramdown reads it, so a `{%` or `{{` written from a field would run
 * as a tag (`{% include /etc/passwd %}`) or an output. The whole page body goes through this one pass after it
 * is assembled, so no writer (text, attribute, raw `about:` HTML, URL) can miss it: a `{` that opens `{%` or
 * `{{` becomes the entity `&#123;`, which browsers show as `{` in text and attributes alike and which is no
 * Liquid, link or attribute-list syntax. The backslash text escaping put before it (`\{`) goes with it: kramdown
 * would show `\&#123;` with its backslash.
 */
export function breakLiquid(page: string): string {
  return page.replace(/\\?\{(?=[{%])/g, '&#123;');
}

/** A YAML double-quoted scalar for the front matter, with no `{` (Liquid) in it: `\u007b` is YAML's escape. */
export function frontMatterString(value: string): string {
  return JSON.stringify(value).replace(/\{/g, '\\u007b');
}
