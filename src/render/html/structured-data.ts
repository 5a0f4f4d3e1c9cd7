/**
 * Metadata for search engines and link previews: the description, Open Graph tags, and schema.org
 * JSON-LD (a Person, and a ScholarlyArticle per publication). With `--base-url`, URLs are absolute.
 */

import { htmlToText, inlineToText } from '../../inline/to-text.js';
import type { Cv, Publication, Section } from '../../model/cv.js';
import { absoluteWebUrl } from '../../util/safe-url.js';
import { encodeUri } from '../../util/uri.js';
import { html, jsonForScript, type SafeHtml } from './escape.js';
import { socialProfileUrl } from './social.js';

/** The base URL as a directory URL (`https://host/cv/`), or undefined when it is not an absolute http(s) URL. */
export function normalizeBaseUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined || baseUrl.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** An http(s) URL as it is, a relative one resolved against the base; undefined when neither works. */
function absoluteUrl(url: string | undefined, base: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  try {
    const resolved = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own URL under the base: `https://host/cv/` for `index.html`, else `https://host/cv/name.html`. */
export function canonicalUrl(base: string | undefined, fileName: string): string | undefined {
  if (base === undefined) return undefined;
  return fileName === 'index.html' ? base : new URL(encodeUri(fileName), base).href;
}

/** One or two sentences for `<meta name="description">`: the start of the about text, or a generic line. */
export function pageDescription(cv: Cv, sections: readonly Section[]): string {
  const about = sections.find((s) => s.type === 'about');
  const text =
    about?.type === 'about' ? (about.html.trim() ? htmlToText(about.html) : inlineToText(about.text)) : '';
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded === '') return `Curriculum vitae of ${cv.person.name}.`;
  if (folded.length <= 200) return folded;
  const cut = folded.slice(0, 200);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 120 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function articleJson(
  publication: Publication,
  base: string | undefined,
  pageUrl: string | undefined,
  rowId: string,
) {
  const doiUrl = publication.doi ? `https://doi.org/${encodeUri(publication.doi)}` : undefined;
  const url = absoluteUrl(publication.url, base) ?? doiUrl;
  return {
    '@type': 'ScholarlyArticle',
    ...(pageUrl === undefined ? {} : { '@id': `${pageUrl}#${rowId}` }),
    name: inlineToText(publication.title).trim(),
    author: publication.authors.map((a) => ({ '@type': 'Person', name: a.plain })),
    ...(publication.year === '' ? {} : { datePublished: publication.year }),
    ...(url === undefined ? {} : { url }),
    ...(doiUrl === undefined || doiUrl === url ? {} : { sameAs: doiUrl }),
    ...(publication.venue.length === 0 ? {} : { isPartOf: inlineToText(publication.venue).trim() }),
  };
}

export interface StructuredDataInput {
  readonly cv: Cv;
  /** Publications with the id of their row, in page order. */
  readonly publications: readonly { readonly publication: Publication; readonly rowId: string }[];
  readonly base: string | undefined;
  readonly pageUrl: string | undefined;
  readonly description: string;
}

/** The JSON-LD graph: a Person and one ScholarlyArticle per publication shown on the page. */
export function jsonLd(input: StructuredDataInput): unknown {
  const { person } = input.cv;
  const sameAs = Object.entries(person.social)
    .map(([network, value]) => socialProfileUrl(network, value))
    .filter((url): url is string => url !== undefined && /^https?:/i.test(url));
  const homepage = person.url === undefined ? undefined : absoluteWebUrl(person.url);
  const personUrl = absoluteUrl(homepage, input.base) ?? input.pageUrl;
  const personJson = {
    '@type': 'Person',
    ...(input.pageUrl === undefined ? {} : { '@id': `${input.pageUrl}#person` }),
    name: person.name,
    ...(person.firstName ? { givenName: person.firstName } : {}),
    ...(person.lastName ? { familyName: person.lastName } : {}),
    ...(personUrl === undefined ? {} : { url: personUrl }),
    ...(person.email ? { email: person.email } : {}),
    ...(sameAs.length === 0 ? {} : { sameAs }),
    description: input.description,
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      personJson,
      ...input.publications.map(({ publication, rowId }) =>
        articleJson(publication, input.base, input.pageUrl, rowId),
      ),
    ],
  };
}

/** `<meta>` tags for link previews (Open Graph), and the canonical link when the page URL is known. */
export function previewTags(
  cv: Cv,
  title: string,
  description: string,
  pageUrl: string | undefined,
): SafeHtml {
  const { person } = cv;
  return html`<meta property="og:type" content="profile">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
${pageUrl === undefined ? '' : html`<meta property="og:url" content="${pageUrl}">\n<link rel="canonical" href="${pageUrl}">\n`}${
  person.firstName ? html`<meta property="profile:first_name" content="${person.firstName}">\n` : ''
}${person.lastName ? html`<meta property="profile:last_name" content="${person.lastName}">\n` : ''}<meta name="twitter:card" content="summary">
`;
}

export function jsonLdScript(data: unknown): SafeHtml {
  return html`<script type="application/ld+json">\n${jsonForScript(data)}\n</script>\n`;
}
