/** Model values to JSON Resume values: rich text to plain text, URLs to the absolute URIs the schema wants. */
import { inlineToText } from '../../inline/to-text.js';
import type { RichText } from '../../model/cv.js';
import { absoluteWebUrl, safeUrl } from '../../util/safe-url.js';

/**
 * Plain text of a field. Only raw HTML nodes (`about:`) are reduced to their text (by `inlineToText`);
 * a text node is already plain, so a .bib title `Learning with <unk> tokens` keeps its `<unk>`.
 */
const plain = (rich: RichText): string => inlineToText(rich);

/** One line of plain text (whitespace folded), or undefined when empty. */
export function lineText(rich: RichText): string | undefined {
  const text = plain(rich).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Plain text that keeps its line breaks (abstracts, summaries), or undefined when empty. */
export function blockText(rich: RichText): string | undefined {
  const text = plain(rich).trim();
  return text === '' ? undefined : text;
}

/** A field the resolver wrapped in a link (`place` with `url:`): its text and the link, separately. */
export function unlinked(rich: RichText): { text: string | undefined; url: string | undefined } {
  const only = rich.length === 1 ? rich[0] : undefined;
  if (only?.type === 'link') return { text: lineText(only.children), url: only.url };
  return { text: lineText(rich), url: undefined };
}

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

function asUri(url: string, base: string | undefined): string | undefined {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return undefined;
  // Keep the URL as written when it already is an absolute URI; otherwise the parser's encoded form.
  return /^[a-z][a-z0-9+.-]*:/i.test(url) && PRINTABLE_ASCII.test(url) ? url : parsed.href;
}

/** A link of the CV as an absolute URI; a relative link needs `--base-url`, else it is left out. */
export function linkUri(url: string | undefined, baseUrl: string | undefined): string | undefined {
  const safe = url === undefined ? undefined : safeUrl(url);
  return safe === undefined ? undefined : asUri(safe, baseUrl);
}

/** A web address that may lack its scheme (`bamos.github.io`, a repository) as an absolute URI. */
export function webUri(url: string | undefined): string | undefined {
  const absolute = url === undefined ? undefined : absoluteWebUrl(url);
  return absolute === undefined ? undefined : asUri(absolute, undefined);
}

/** The address check of JSON Resume's `format: email` (as JSON Schema validators implement it). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export const isEmail = (value: string): boolean => EMAIL.test(value);

/** Splits a comma-separated list (`C, C++, Python`), the inverse of joining keywords with `, `. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The object without its undefined, empty-string and empty-array fields. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out as T;
}
