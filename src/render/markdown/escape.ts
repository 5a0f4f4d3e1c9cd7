/**
 * Escaping for the Jekyll Markdown page. The original wrote YAML text into the page as is; vita escapes
 * what would become markup (`<`, `>`, and `&` when it would start an entity) and leaves Markdown
 * punctuation alone, because users of the original write `*` and `**` in their fields on purpose.
 */
import { escapeHtmlAttribute } from '../../inline/html-escape.js';

export function escapeMarkdownText(value: string): string {
  return value.replace(/[<>]|&(?=#?[a-zA-Z0-9]+;)/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;',
  );
}

export const escapeMarkdownAttribute = escapeHtmlAttribute;
