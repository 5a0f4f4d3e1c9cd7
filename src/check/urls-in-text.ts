/**
 * The web links written in a piece of text: `\href{url}{...}` and `\url{url}` (LaTeX subset),
 * `href="..."` / `src="..."` (HTML in `about:`), and bare `http(s)://` addresses.
 */
import { decodeHTMLAttribute } from 'entities';

export interface FoundUrl {
  /** The URL as a link would use it (LaTeX escapes such as `\_` and HTML entities undone). */
  readonly url: string;
  /** Offset of the URL as written in the text. */
  readonly offset: number;
  /** The URL exactly as written (to find it in a source file). */
  readonly written: string;
}

const isWeb = (url: string): boolean => /^https?:\/\/[^/\s]/i.test(url);

const unescapeLatex = (url: string): string => url.replace(/\\([_%#&~])/g, '$1');

/** Trailing punctuation is the sentence's, not the URL's (a `)` only when the URL has no `(`). */
function trimTrailing(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c === undefined) break;
    if (/[.,;:!?'"]/.test(c) || (c === ')' && !url.slice(0, end - 1).includes('('))) end--;
    else break;
  }
  return url.slice(0, end);
}

export function urlsInText(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  const taken: [number, number][] = [];
  const add = (url: string, offset: number, written: string) => {
    taken.push([offset, offset + written.length]);
    if (isWeb(url)) found.push({ url, offset, written });
  };
  for (const m of text.matchAll(/\\(?:href|url)\s*\{([^{}]*)\}/g)) {
    const written = (m[1] ?? '').trim();
    add(unescapeLatex(written), (m.index ?? 0) + m[0].indexOf(written, m[0].indexOf('{')), written);
  }
  for (const m of text.matchAll(/\b(?:href|src)\s*=\s*(["'])(.*?)\1/gis)) {
    const written = (m[2] ?? '').trim();
    add(
      decodeHTMLAttribute(written),
      (m.index ?? 0) + m[0].indexOf(written, m[0].indexOf(m[1] ?? '"')),
      written,
    );
  }
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'{}\\]+/gi)) {
    const offset = m.index ?? 0;
    if (taken.some(([start, end]) => offset >= start && offset < end)) continue;
    const written = trimTrailing(m[0]);
    if (isWeb(written)) found.push({ url: written, offset, written });
  }
  return found.sort((a, b) => a.offset - b.offset);
}
