/** State shared by the section handlers of one page render, and the small builders they all use. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { inlineToHtml } from '../../inline/to-html.js';
import type { Cv, Publication, RichText } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { EMPTY_HTML, html, joinHtml, SafeHtml } from './escape.js';
import type { IdRegistry } from './format.js';

export interface HtmlContext {
  readonly cv: Cv;
  readonly ids: IdRegistry;
  readonly diagnostics: Diagnostic[];
  /** Every publication row written so far, with its element id (for the JSON-LD graph). */
  readonly publications: { readonly publication: Publication; readonly rowId: string }[];
}

/** Inline markup as HTML (escaped, links through `safeUrl`, raw HTML nodes reduced to their text). */
export function rich(nodes: RichText): SafeHtml {
  return nodes.length === 0 ? EMPTY_HTML : SafeHtml.trust(inlineToHtml(nodes));
}

/** `content` inside a link to `url`, or `content` alone when there is no URL or it is not safe. */
export function linked(url: string | undefined, content: SafeHtml): SafeHtml {
  const href = url === undefined ? undefined : safeUrl(url);
  return href === undefined ? content : html`<a href="${href}">${content}</a>`;
}

export const isEmpty = (nodes: RichText): boolean => nodes.length === 0;

/** Parts joined by a separator, empty parts left out. */
export function joined(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return joinHtml(
    parts.filter((part) => part.value !== ''),
    separator,
  );
}

/** `<div class="…">content</div>`, or nothing when the content is empty. */
export function line(className: string, content: SafeHtml): SafeHtml {
  return content.value === '' ? EMPTY_HTML : html`<div class="${className}">${content}</div>`;
}
