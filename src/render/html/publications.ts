/**
 * The publications section: lists grouped by year, numbered `[N]`, the owner in bold, co-authors linked,
 * selected papers highlighted, the abstract and the entry's clean BibTeX in `<details>` (no script needed),
 * links, and buttons that copy the BibTeX or a plain-text citation.
 */

import { inlineToText } from '../../inline/to-text.js';
import { fill, type Labels, type PublicationTypeWords } from '../../locale/labels.js';
import { listSeparators, localeOf, plural } from '../../locale/locale.js';
import type { Author, Cv, Publication, PublicationList, PublicationsSection } from '../../model/cv.js';
import { madeOncePer } from '../../util/made-once.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUriComponent } from '../../util/uri.js';
import { bibSourceUrl, cleanBibtex } from '../shared/bib-source.js';
import { joinWithAnd, joinWithAndPieces } from '../shared/join.js';
import { formatVenueSummary } from '../shared/venue-summary.js';
import { scriptWordAttributes } from './assets/script.js';
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

/**
 * Each author's markup, made once: the model has one `Author` object per distinct name of a section, and a
 * co-author of many papers is written in each of them.
 */
const authorHtml = madeOncePer(freshAuthorHtml);

function freshAuthorHtml(author: Author): SafeHtml {
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

/** Lists longer than this are shortened by the script to their first `AUTHORS_SHOWN` and the owner. */
export const AUTHORS_LONG = 10;
export const AUTHORS_SHOWN = 5;

/**
 * `A`, `A and B`, `A, B, and C`; with a truncated list, `A et al.`, `A, B, et al.`. A long list is written
 * whole (the page is complete without the script), with the authors past the first five, the owner
 * excepted, marked `author-more` (each with the separator before it) and a hidden "and N more" button:
 * the script shortens the list and shows the button, which expands it again.
 */
export function authorListHtml(
  authors: readonly Author[],
  othersTruncated: boolean,
  locale?: string | undefined,
): SafeHtml {
  const lang = localeOf(locale);
  const pieces = joinWithAndPieces(authors.map(authorHtml), {
    truncated: othersTruncated,
    etAl: lang.labels.etAl,
    separators: listSeparators(lang),
  });
  if (authors.length <= AUTHORS_LONG) return joinHtml(pieces);
  // pieces: author 0, then (separator, author i) for each i > 0, then maybe `et al.`.
  const hidden = authors.filter((a, i) => i >= AUTHORS_SHOWN && !a.isOwner).length;
  const out: (SafeHtml | string)[] = [pieces[0] ?? ''];
  let gap = false;
  for (let i = 1; i < authors.length; i++) {
    const separator = pieces[2 * i - 1] ?? '';
    const name = pieces[2 * i] ?? '';
    const shown = i < AUTHORS_SHOWN || authors[i]?.isOwner === true;
    if (shown && gap) out.push(html`<span class="author-gap">, …</span>`);
    out.push(shown ? html`${separator}${name}` : html`<span class="author-more">${separator}${name}</span>`);
    gap = !shown;
  }
  out.push(...pieces.slice(2 * authors.length - 1));
  return html`${joinHtml(out)}<button type="button" class="more-authors" aria-expanded="true" hidden data-more="${fill(lang.labels.andMore, { n: String(hidden) })}">${lang.labels.showFewer}</button>`;
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

/** An author's name as plain text, made once per `Author` (shared by every paper of the name). */
const authorText = madeOncePer((author: Author) => inlineToText(author.name).trim());

/**
 * The paper as a reference in running text, for "copy citation": `A, B, and C. Title. Venue Year.
 * https://doi.org/…` (the DOI, else the paper's URL). The authors are joined in the CV's language.
 */
export function plainCitation(publication: Publication, locale?: string | undefined): string {
  const lang = localeOf(locale);
  const authors = joinWithAnd(publication.authors.map(authorText), {
    truncated: publication.othersTruncated,
    etAl: lang.labels.etAl,
    separators: listSeparators(lang),
  });
  const title = inlineToText(publication.title)
    .trim()
    .replace(/[.?!]*$/, '');
  const venueText = inlineToText(publication.venue).trim();
  const venue =
    publication.year === '' || venueText.endsWith(publication.year)
      ? venueText
      : `${venueText} ${publication.year}`.trim();
  const link =
    publication.doi !== undefined ? `https://doi.org/${publication.doi}` : (publication.url ?? undefined);
  const end = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
  return [authors, title, venue]
    .filter((part) => part !== '')
    .map(end)
    .concat(link === undefined ? [] : [link])
    .join(' ');
}

/** The kind of paper, for the type filter: the list's category when the section has categories, else the BibTeX type. */
const TYPE_KINDS: Readonly<Record<string, keyof PublicationTypeWords>> = {
  article: 'article',
  inproceedings: 'conferencePaper',
  conference: 'conferencePaper',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  misc: 'other',
  unpublished: 'other',
  online: 'other',
};

/** The kind of paper in the words of `labels`; an unknown BibTeX type as written. */
export function publicationType(publication: Publication, list: PublicationList, labels: Labels): string {
  if (list.heading !== null) return inlineToText(list.heading).trim();
  const type = publication.entryType.toLowerCase();
  const kind = Object.hasOwn(TYPE_KINDS, type) ? TYPE_KINDS[type] : undefined;
  return kind === undefined ? type : labels.publicationTypes[kind];
}

/** The year a row is filtered by: its year, or the filter's word for undated. */
const filterYear = (publication: Publication, labels: Labels): string =>
  publication.year.trim() || labels.filter.undated;

function publicationRow(
  publication: Publication,
  section: PublicationsSection,
  list: PublicationList,
  ctx: HtmlContext,
): SafeHtml {
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
  const awardBadge =
    publication.award === undefined || isEmpty(publication.award)
      ? EMPTY_HTML
      : html`<span class="award">${icon('award')}${rich(publication.award)}</span>`;
  const venueLine = line('pub-venue', joined([venueHtml(publication), note, citations, awardBadge], ' · '));

  const plainTitle = inlineToText(publication.title).trim() || publication.key;
  const hasAbstract = !isEmpty(publication.abstract);
  // <details>: works without JavaScript; each summary names its paper (79 "abstract" would sound alike).
  const abstract = hasAbstract
    ? html`<details class="abs"><summary class="chip">${labels.abstract}<span class="visually-hidden">${fill(labels.ofPaper, { title: plainTitle })}</span></summary><div class="abstract" id="${ids.abstract}"><p>${rich(publication.abstract)}</p></div></details>`
    : EMPTY_HTML;
  const links = publication.links.map((link) => {
    const href = safeUrl(link.url);
    return href === undefined ? EMPTY_HTML : html`<a class="chip" href="${href}">${link.label}</a>`;
  });
  const bibtex =
    publication.bibtex.trim() === ''
      ? EMPTY_HTML
      : html`<details class="bib"><summary class="chip">${labels.bib}<span class="visually-hidden">${fill(labels.ofPaper, { title: plainTitle })}</span></summary><div class="bib-body"><pre id="${ids.bibtex}">${cleanBibtex(publication.bibtex)}</pre><div class="copy-row"><button type="button" class="chip copy" data-copy="${ids.bibtex}" aria-label="${fill(labels.copyBibtexOf, { title: plainTitle })}" hidden>${labels.copy}</button><button type="button" class="chip copy" data-copy-text="${plainCitation(publication, ctx.cv.locale)}" aria-label="${fill(labels.copyCitationOf, { title: plainTitle })}" hidden>${labels.copyCitation}</button></div></div></details>`;
  const actionsLine = line('pub-actions', html`${abstract}${links}${bibtex}`);
  const selected = publication.selected
    ? html`<span class="visually-hidden">${labels.selectedPublication} </span>`
    : EMPTY_HTML;

  return html`<li class="pub${publication.selected ? ' selected' : ''}" id="${ids.row}" data-year="${filterYear(publication, labels)}" data-type="${publicationType(publication, list, labels)}"${publication.selected ? html` data-selected=""` : EMPTY_HTML}>
<span class="pub-label">[${publication.label}]</span>
<div class="pub-body">${image}${selected}${title}
${authors}${venueLine}${actionsLine}</div>
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

/** `<option>`s of a facet, each with its count: `2024 (12)`. */
function facetOptions(values: readonly string[], allLabel: string): SafeHtml {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return html`<option value="">${allLabel} (${values.length})</option>${[...counts].map(
    ([value, count]) => html`<option value="${value}">${value} (${count})</option>`,
  )}`;
}

/**
 * The filter over every publication of the page (in the first publications section): year and type menus,
 * "selected only", and the count shown; the words typed in the page's search box (`page.ts`) narrow the
 * papers too. Hidden in the file: the script shows it, so without JavaScript nothing is there that does not
 * work (and every paper is shown).
 */
function filterPanel(cv: Cv): SafeHtml {
  const locale = localeOf(cv.locale);
  const words = locale.labels.filter;
  const rows: { publication: Publication; list: PublicationList }[] = [];
  for (const entry of cv.layouts.web) {
    const section = entry.kind === 'section' ? cv.sections.get(entry.key) : undefined;
    if (section?.type !== 'publications') continue;
    for (const list of section.lists)
      for (const group of list.groups)
        for (const publication of group.publications) rows.push({ publication, list });
  }
  if (rows.length < 2) return EMPTY_HTML;
  const years = rows.map((r) => filterYear(r.publication, locale.labels));
  const types = rows.map((r) => publicationType(r.publication, r.list, locale.labels));
  const typeMenu =
    new Set(types).size < 2
      ? EMPTY_HTML
      : html`<label class="filter-field"><span>${words.type}</span><select id="pub-type" name="type">${facetOptions(types, words.allTypes)}</select></label>`;
  const selected = rows.some((r) => r.publication.selected)
    ? html`<label class="filter-check"><input type="checkbox" id="pub-selected" name="selected"> ${words.selectedOnly}</label>`
    : EMPTY_HTML;
  return html`<div class="pub-filter" id="pub-filter" role="group" aria-label="${words.name}"${scriptWordAttributes(locale.labels, 'filter')} hidden>
<label class="filter-field"><span>${words.year}</span><select id="pub-year" name="year">${facetOptions(years, words.allYears)}</select></label>
${typeMenu}${selected}<button type="button" class="chip" id="pub-reset">${words.clear}</button>
<p class="filter-count" id="pub-count" role="status">${plural(words.count, rows.length, locale)}</p>
</div>
`;
}

/** Links to the year headings of a long list, so a year is one click away. */
function yearLinks(targets: readonly { heading: string; id: string }[], labels: Labels): SafeHtml {
  if (targets.length < 4) return EMPTY_HTML;
  return html`<nav class="pub-years" aria-label="${labels.publicationYears}"><ul>${targets.map(
    (t) => html`<li><a href="#${t.id}">${t.heading}</a></li>`,
  )}</ul></nav>
`;
}

/** What the marks mean when the section's `legend:` does not say. */
const MARK_MEANINGS: readonly {
  readonly mark: string;
  readonly meaning: 'equalContribution' | 'equalAdvising';
}[] = [
  { mark: '*', meaning: 'equalContribution' },
  { mark: '†', meaning: 'equalAdvising' },
];

/**
 * The legend of a section, where it is needed: the highlight when a paper is selected, and the `*` / `†`
 * marks when an author carries one (the section's own `legend:` text instead, when it has one).
 */
function legend(section: PublicationsSection, labels: Labels): SafeHtml {
  const publications = section.lists.flatMap((l) => l.groups.flatMap((g) => g.publications));
  const items: SafeHtml[] = [];
  if (publications.some((p) => p.selected))
    items.push(
      html`<span class="legend-item"><span class="legend-swatch" aria-hidden="true"></span>${labels.legendSelected}</span>`,
    );
  if (section.legend !== undefined && section.legend.length > 0) items.push(rich(section.legend));
  else {
    const marks: string[] = [];
    for (const p of publications)
      for (const a of p.authors) if (a.marks.length > 0) marks.push(inlineToText(a.marks));
    for (const { mark, meaning } of MARK_MEANINGS)
      if (marks.some((m) => m.includes(mark)))
        items.push(html`<span class="legend-item"><sup>${mark}</sup> ${labels[meaning]}</span>`);
  }
  if (items.length === 0) return EMPTY_HTML;
  return html`<p class="pub-legend">${joinHtml(items, ' · ')}</p>\n`;
}

export function renderPublications(section: PublicationsSection, ctx: HtmlContext): SafeHtml {
  const sectionId = idFragment(section.key);
  const targets: { heading: string; id: string }[] = [];
  const lists = section.lists.map((list) => {
    const listId =
      list.heading === null
        ? undefined
        : ctx.ids.claim(`${sectionId}-${idFragment(inlineToText(list.heading).trim().toLowerCase())}`);
    const listHeading =
      list.heading === null || listId === undefined
        ? EMPTY_HTML
        : html`<h3 class="group-heading" id="${listId}">${rich(list.heading)}</h3>\n`;
    const yearTag = list.heading === null ? 'h3' : 'h4';
    const groups = list.groups.map((group) => {
      let heading = EMPTY_HTML;
      if (group.heading !== null) {
        const id = ctx.ids.claim(`${listId ?? sectionId}-${idFragment(group.heading.toLowerCase())}`);
        if (list.heading === null) targets.push({ heading: group.heading, id });
        heading =
          yearTag === 'h3'
            ? html`<h3 class="pub-year" id="${id}">${group.heading}</h3>\n`
            : html`<h4 class="pub-year" id="${id}">${group.heading}</h4>\n`;
      }
      const rows = group.publications.map((p) => publicationRow(p, section, list, ctx));
      return html`<div class="pub-group">\n${heading}<ol class="pubs">\n${rows}</ol>\n</div>\n`;
    });
    return html`<div class="pub-list">\n${listHeading}${groups}</div>\n`;
  });
  const { labels } = localeOf(ctx.cv.locale);
  const filter = isFirstPublicationsSection(section, ctx.cv) ? filterPanel(ctx.cv) : EMPTY_HTML;
  return html`${toolbar(section, ctx)}${venueSummary(section, ctx.cv.locale)}${legend(section, labels)}${filter}${yearLinks(targets, labels)}${lists}`;
}
