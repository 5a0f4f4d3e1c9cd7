/** Where a publications heading links its .bib source. */

import type { PublicationList, PublicationsSection } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUriComponent } from '../../util/uri.js';

/**
 * The link to a list's .bib source: the section's `bib_url`, else `<src>/blob/master/<path>` when the list
 * was read from exactly one file inside the CV's folder (its path relative to the YAML, each segment
 * percent-encoded); undefined when `show_bib_link: false`, when there is nothing to link, or when the URL is
 * not safe to link.
 */
export function bibSourceUrl(
  section: PublicationsSection,
  list: PublicationList | undefined,
  sourceUrl: string | undefined,
): string | undefined {
  if (section.showBibLink === false || list === undefined) return undefined;
  if (section.bibUrl !== undefined) return safeUrl(section.bibUrl);
  const paths =
    list.sourcePaths ??
    (list.file === '' ? [] : [list.file.includes('/') ? list.file : `publications/${list.file}`]);
  const source = sourceUrl?.trim().replace(/\/+$/, '');
  const path = paths.length === 1 ? paths[0] : undefined;
  if (!source || path === undefined || path.startsWith('/')) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return safeUrl(`${source}/blob/master/${segments.map(encodeUriComponent).join('/')}`);
}
