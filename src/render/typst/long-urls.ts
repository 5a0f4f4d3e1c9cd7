/**
 * Typst refuses a link whose URL is longer than 8,000 bytes ("URL is too long"), and one such link failed
 * the whole PDF. Before the data reaches Typst, every longer URL is taken out: its text stays, unlinked, with
 * a warning (the other targets keep the link: browsers and TeX accept it).
 */
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';

/** The longest URL Typst links, in UTF-8 bytes (its `Url` type's limit). */
export const MAX_TYPST_URL_BYTES = 8000;

const tooLong = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length > MAX_TYPST_URL_BYTES / 4 &&
  Buffer.byteLength(value) > MAX_TYPST_URL_BYTES;

/**
 * Removes every URL over the limit from the Typst data, in place: a `url` (or `homepage`, `locationUrl`)
 * field becomes null, a link node is replaced by its text, a `{ label, url }` link of a publication is
 * dropped. One warning per URL. Iterative: the data's depth does not matter.
 */
export function dropLongUrls(data: unknown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (url: string) =>
    diagnostics.push(
      warning({
        code: 'url-too-long',
        message: `a link of ${Buffer.byteLength(url).toLocaleString('en-US')} bytes (\`${url.slice(0, 60)}…\`) is longer than the PDF can link (${MAX_TYPST_URL_BYTES.toLocaleString('en-US')}); its text is shown without the link`,
        hints: ['shorten the URL (a DOI or a short link); the web page keeps the link'],
      }),
    );
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i] as Record<string, unknown> | null;
        if (item && typeof item === 'object' && !Array.isArray(item) && tooLong(item.url)) {
          if (item.type === 'link') {
            report(item.url);
            // An inline link: its text, unlinked (a link with no text showed its URL: nothing is left).
            const children = Array.isArray(item.children) ? item.children : [];
            node.splice(i, 1, ...(children.length > 0 ? children : []));
            continue;
          }
          if ('label' in item && !('kind' in item)) {
            report(item.url);
            node.splice(i, 1); // a publication's `[code]`-style link: the label means nothing without it
            continue;
          }
        }
        stack.push(node[i]);
      }
      continue;
    }
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const value = record[key];
        if ((key === 'url' || key === 'homepage' || key === 'locationUrl') && tooLong(value)) {
          report(value);
          record[key] = null;
        } else if (value && typeof value === 'object') stack.push(value);
      }
    }
  }
  return diagnostics;
}
