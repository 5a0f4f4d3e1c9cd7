/**
 * The publications section: lists grouped by year, numbered `[N]`, the owner in bold, co-authors linked,
 * selected papers highlighted, an abstract toggle, links, and the entry's BibTeX with a copy button.
 */

import { inlineToText } from '../../inline/to-text.js';
import { fill } from '../../locale/labels.js';
import { listSeparators, localeOf, plural } from '../../locale/locale.js';
import type { Author, Cv, Publication, PublicationsSection } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUriComponent } from '../../util/uri.js';
import { bibSourceUrl } from '../shared/bib-source.js';
import { joinWithAndPieces } from '../shared/join.js';
import { formatVenueSummary } from '../shared/venue-summary.js';
import { type HtmlContext, isEmpty, joined, line, linked, rich } from './context.js';
import { EMPTY_HTML, html, joinHtml, type SafeHtml } from './escape.js';
import { formatCount, idFragment } from './format.js';
import { icon } from './icons.js';
import { socialProfileUrl } from './social.js';

/** Element ids of one publication, claimed together so they share one suffix. */
export interface PublicationIds {
  readonly row: string;
  readonly abstract: string;
  readonly bibtex: string;
}

function claimIds(publication: Publication, ctx: HtmlContext): PublicationIds {
  const row = ctx.ids.claim(`pub-${idFragment(publication.key)}`);
  const suffix = row.slice('pub-'.length);
  return { row, abstract: ctx.ids.claim(`abs-${suffix}`), bibtex: ctx.ids.claim(`bib-${suffix}`) };
}

function authorHtml(author: Author): SafeHtml {
  const name = author.isOwner ? html`<strong>${rich(author.name)}</strong>` : rich(author.name);
  const nameLinked = author.isOwner ? name : linked(author.url, name);
  const marksAreSuperscript = author.marks.every((node) => node.type === 'superscript');
  const marks = isEmpty(author.marks)
    ? EMPTY_HTML
    : marksAreSuperscript
      ? rich(author.marks)
      : html`<sup>${rich(author.marks)}</sup>`;
  return html`${nameLinked}${marks}`;
}

/** `A`, `A and B`, `A, B, and C`; with a truncated list, `A et al.`, `A, B, et al.`. */
export function authorListHtml(
  authors: readonly Author[],
  othersTruncated: boolean,
  locale?: string | undefined,
): SafeHtml {
  const lang = localeOf(locale);
  return joinHtml(
    joinWithAndPieces(authors.map(authorHtml), {
      truncated: othersTruncated,
      etAl: lang.labels.etAl,
      separators: listSeparators(lang),
    }),
  );
}

/** `ICML 2020`; the year is not repeated when the venue already ends with it. */
function venueHtml(publication: Publication): SafeHtml {
  const venueText = inlineToText(publication.venue).trim();
  if (publication.year === '' || venueText.endsWith(publication.year)) return rich(publication.venue);
  if (venueText === '') return html`${publication.year}`;
  return html`${rich(publication.venue)} ${publication.year}`;
}

/** A relative file path as a URL path: each segment percent-encoded. */
function pathToUrl(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeUriComponent(segment))
    .join('/');
}

function publicationRow(publication: Publication, section: PublicationsSection, ctx: HtmlContext): SafeHtml {
  const ids = claimIds(publication, ctx);
  const { labels } = localeOf(ctx.cv.locale);
  ctx.publications.push({ publication, rowId: ids.row });
  const imageSrc = publication.image === undefined ? undefined : safeUrl(pathToUrl(publication.image));
  const image =
    imageSrc === undefined
      ? EMPTY_HTML
      : html`<img class="pub-image" src="${imageSrc}" alt="" loading="lazy">`;
  const title = html`<div class="pub-title">${linked(publication.url, rich(publication.title))}</div>`;
  const authors = line(
    'pub-authors',
    authorListHtml(publication.authors, publication.othersTruncated, ctx.cv.locale),
  );
  const note = isEmpty(publication.note)
    ? EMPTY_HTML
    : html`<span class="pub-note">${rich(publication.note)}</span>`;
  const citations =
    section.showCitations && publication.citations !== undefined
      ? html`<span class="pub-citations">${fill(labels.citedBy, { n: formatCount(publication.citations) })}</span>`
      : EMPTY_HTML;
  const venueLine = line('pub-venue', joined([venueHtml(publication), note, citations], ' · '));

  const hasAbstract = !isEmpty(publication.abstract);
  const absButton = hasAbstract
    ? html`<button type="button" class="chip" aria-expanded="false" aria-controls="${ids.abstract}">${labels.abstract}</button>`
    : EMPTY_HTML;
  const links = publication.links.map((link) => {
    const href = safeUrl(link.url);
    return href === undefined ? EMPTY_HTML : html`<a class="chip" href="${href}">${link.label}</a>`;
  });
  const bibtex =
    publication.bibtex.trim() === ''
      ? EMPTY_HTML
      : html`<details class="bib"><summary class="chip">${labels.bib}</summary><div class="bib-body"><pre id="${ids.bibtex}">${publication.bibtex.trim()}</pre><button type="button" class="chip copy" data-copy="${ids.bibtex}" hidden>${labels.copy}</button></div></details>`;
  const actionsLine = line('pub-actions', html`${absButton}${links}${bibtex}`);
  const abstract = hasAbstract
    ? html`<div class="abstract" id="${ids.abstract}" hidden><p>${rich(publication.abstract)}</p></div>`
    : EMPTY_HTML;
  const selected = publication.selected
    ? html`<span class="visually-hidden">${labels.selectedPublication} </span>`
    : EMPTY_HTML;

  return html`<li class="pub${publication.selected ? ' selected' : ''}" id="${ids.row}">
<span class="pub-label">[${publication.label}]</span>
<div class="pub-body">${image}${selected}${title}
${authors}${venueLine}${actionsLine}${abstract}</div>
</li>
`;
}

/** Whether this is the first publications section of the web layout (which carries the profile links). */
function isFirstPublicationsSection(section: PublicationsSection, cv: Cv): boolean {
  for (const entry of cv.layouts.web) {
    if (entry.kind === 'section' && cv.sections.get(entry.key)?.type === 'publications')
      return entry.key === section.key;
  }
  return false;
}

/** Google Scholar and citation totals (first publications section only), and links to the .bib sources. */
function toolbar(section: PublicationsSection, ctx: HtmlContext): SafeHtml {
  const { cv } = ctx;
  const locale = localeOf(cv.locale);
  const first = isFirstPublicationsSection(section, cv);
  const items: SafeHtml[] = [];
  const scholarId = cv.person.social.google_scholar;
  const scholar =
    scholarId === undefined || !first ? undefined : socialProfileUrl('google_scholar', scholarId);
  if (scholar !== undefined) items.push(html`<a href="${scholar}">${icon('scholar')}Google Scholar</a>`);
  const files = new Set<string>();
  for (const list of section.lists) {
    const url = bibSourceUrl(section, list, cv.person.sourceUrl);
    if (url === undefined || files.has(url)) continue;
    files.add(url);
    items.push(
      html`<a href="${url}">${icon('source')}${locale.labels.bibSource}${files.size > 1 || section.lists.length > 1 ? html` (${list.file})` : EMPTY_HTML}</a>`,
    );
  }
  const stats = first ? cv.citations : undefined;
  if (stats && (stats.totalCitations !== undefined || stats.hIndex !== undefined)) {
    const parts = [
      stats.totalCitations === undefined
        ? EMPTY_HTML
        : html`${plural(locale.labels.citations, stats.totalCitations, locale, formatCount(stats.totalCitations))}`,
      stats.hIndex === undefined ? EMPTY_HTML : html`${locale.labels.hIndex} ${stats.hIndex}`,
    ];
    items.push(html`<span>${joined(parts, ' · ')} <span class="entry-aside">(${stats.source})</span></span>`);
  }
  if (items.length === 0) return EMPTY_HTML;
  return html`<p class="pub-toolbar">${items}</p>\n`;
}

function venueSummary(section: PublicationsSection, locale: string | undefined): SafeHtml {
  const venues = section.venueSummary;
  if (venues.length === 0) return EMPTY_HTML;
  const text = fill(localeOf(locale).labels.publicationsIncluding, {
    n: section.total,
    venues: formatVenueSummary(venues, locale),
  });
  return html`<p class="venue-summary">${text}</p>\n`;
}

export function renderPublications(section: PublicationsSection, ctx: HtmlContext): SafeHtml {
  const lists = section.lists.map((list) => {
    const listHeading =
      list.heading === null ? EMPTY_HTML : html`<h3 class="group-heading">${rich(list.heading)}</h3>\n`;
    const yearTag = list.heading === null ? 'h3' : 'h4';
    const groups = list.groups.map((group) => {
      const heading =
        group.heading === null
          ? EMPTY_HTML
          : yearTag === 'h3'
            ? html`<h3 class="pub-year">${group.heading}</h3>\n`
            : html`<h4 class="pub-year">${group.heading}</h4>\n`;
      const rows = group.publications.map((p) => publicationRow(p, section, ctx));
      return html`${heading}<ol class="pubs">\n${rows}</ol>\n`;
    });
    return html`${listHeading}${groups}`;
  });
  return html`${toolbar(section, ctx)}${venueSummary(section, ctx.cv.locale)}${lists}`;
}
