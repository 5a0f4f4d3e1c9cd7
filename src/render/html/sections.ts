/**
 * One handler per section type, in a table typed so that a section type without a handler does not
 * compile. Each handler returns the section's body; `page.ts` adds the `<section>` and its heading.
 */
import { warning } from '../../diagnostics/diagnostic.js';
import { localeOf } from '../../locale/locale.js';
import type {
  AboutSection,
  GenericItem,
  GenericRow,
  GenericSection,
  RichText,
  Section,
  SectionType,
  ServiceItem,
} from '../../model/cv.js';
import { formatStarCount } from '../shared/stars.js';
import { type HtmlContext, isEmpty, joined, line, linked, rich } from './context.js';
import { EMPTY_HTML, html, SafeHtml } from './escape.js';
import { icon } from './icons.js';
import { renderPublications } from './publications.js';
import { sanitizeHtml } from './sanitize.js';

export type SectionHandler<K extends SectionType> = (
  section: Extract<Section, { type: K }>,
  ctx: HtmlContext,
) => SafeHtml;
export type SectionHandlers = { readonly [K in SectionType]: SectionHandler<K> };

/** One row of a list: the body and, when there is one, its date (shown on the right on wide screens). */
function entry(body: SafeHtml, date: RichText = []): SafeHtml {
  const dateHtml = isEmpty(date) ? EMPTY_HTML : html`<span class="entry-date">${rich(date)}</span>`;
  return html`<li class="entry">${dateHtml}<div class="entry-body">${body}</div></li>\n`;
}

const entries = (rows: readonly SafeHtml[]): SafeHtml => html`<ul class="entries">\n${rows}</ul>\n`;

function detailsList(details: readonly RichText[]): SafeHtml {
  const items = details.filter((d) => !isEmpty(d));
  if (items.length === 0) return EMPTY_HTML;
  return html`<ul class="entry-details">${items.map((d) => html`<li>${rich(d)}</li>`)}</ul>`;
}

function renderAbout(section: AboutSection, ctx: HtmlContext): SafeHtml {
  if (section.html.trim() === '') {
    return isEmpty(section.text) ? EMPTY_HTML : html`<div class="about"><p>${rich(section.text)}</p></div>\n`;
  }
  const result = sanitizeHtml(section.html);
  if (result.removed.length > 0) {
    ctx.diagnostics.push(
      warning({
        code: 'html-unsafe-markup',
        message: `the HTML of \`${section.key}\` had active content, removed from the web page: ${result.removed.join(', ')}`,
        position: section.position,
        hints: [
          'The standalone page keeps only p, a, b, strong, i, em, br, ul, ol, li, span and code, with href and title.',
        ],
      }),
    );
  }
  return html`<div class="about">${SafeHtml.trust(result.html)}</div>\n`;
}

function serviceRow(item: ServiceItem): SafeHtml {
  const body = html`${line('entry-head', linked(item.url, rich(item.details)))}${line('entry-meta', rich(item.subDetails))}`;
  return entry(body, item.year);
}

function genericRow(item: GenericItem): SafeHtml {
  const fields =
    item.fields.length === 0
      ? EMPTY_HTML
      : html`<dl class="fields">${item.fields.map((f) => html`<div><dt>${f.key}</dt><dd>${rich(f.value)}</dd></div>`)}</dl>`;
  return entry(html`${line('entry-head', rich(item.text))}${fields}`);
}

/** A generic row: the title (linked when it has a URL), the details as lines, the date on the right. */
function genericEntry(row: GenericRow, plain: boolean): SafeHtml {
  const title = linked(row.url, rich(row.title));
  const head = isEmpty(row.title)
    ? EMPTY_HTML
    : plain
      ? title
      : html`<strong class="entry-title">${title}</strong>`;
  const details =
    row.details.length === 0
      ? EMPTY_HTML
      : html`<ul class="entry-details">${row.details.map(
          (d) => html`<li>${d.label === null ? EMPTY_HTML : html`${d.label}: `}${rich(d.text)}</li>`,
        )}</ul>`;
  return entry(html`${line('entry-head', head)}${details}`, row.date);
}

function renderGeneric(section: GenericSection): SafeHtml {
  return html`${section.groups.map(
    (group) =>
      html`${group.label === null ? EMPTY_HTML : html`<h3 class="group-heading">${rich(group.label)}</h3>\n`}${entries(
        // a list of plain lines stays plain; entries with dates or details get a bold title
        group.rows.map((row) =>
          genericEntry(
            row,
            group.rows.every((r) => r.details.length === 0 && isEmpty(r.date)),
          ),
        ),
      )}`,
  )}`;
}

/** A grade in its label (`GPA {gpa}`): the text around `{gpa}`, the grade as written. */
function grade(template: string, value: SafeHtml): SafeHtml {
  const [before = '', after = ''] = template.split('{gpa}');
  return html`${before}${value}${after}`;
}

export const sectionHandlers: SectionHandlers = {
  about: renderAbout,

  news: (section) => entries(section.items.map((item) => entry(rich(item.text), item.date))),

  education: (section, ctx) =>
    entries(
      section.items.map((item) => {
        const { labels } = localeOf(ctx.cv.locale);
        const gpa = joined(
          [
            isEmpty(item.gpa) ? EMPTY_HTML : grade(labels.gpaValue, rich(item.gpa)),
            isEmpty(item.majorGpa) ? EMPTY_HTML : grade(labels.majorGpaValue, rich(item.majorGpa)),
          ],
          ', ',
        );
        const head = html`<strong class="entry-title">${rich(item.degree)}</strong>${
          gpa.value === '' ? EMPTY_HTML : html` <span class="entry-aside">(${gpa})</span>`
        }`;
        const where = joined([rich(item.school), rich(item.location)], ' · ');
        return entry(
          html`${line('entry-head', head)}${line('entry-meta', where)}${detailsList(item.details)}`,
          item.dates,
        );
      }),
    ),

  positions: (section) =>
    entries(
      section.items.map((item) => {
        const head = joined(
          [
            isEmpty(item.place) ? EMPTY_HTML : html`<strong class="entry-title">${rich(item.place)}</strong>`,
            isEmpty(item.location)
              ? EMPTY_HTML
              : html`<span class="entry-aside">${rich(item.location)}</span>`,
          ],
          ' · ',
        );
        const role = joined([rich(item.title), rich(item.inlineDetail)], ', ');
        return entry(
          html`${line('entry-head', head)}${line('entry-meta', role)}${detailsList(item.details)}`,
          item.dates,
        );
      }),
    ),

  honors: (section) =>
    entries(
      section.items.map((item) =>
        entry(
          html`${line('entry-head', linked(item.url, rich(item.title)))}${line('entry-meta', rich(item.description))}`,
          item.year,
        ),
      ),
    ),

  research: (section, ctx) =>
    entries(
      section.items.map((item) => {
        const { labels } = localeOf(ctx.cv.locale);
        const head = joined(
          [
            isEmpty(item.title) ? EMPTY_HTML : html`<strong class="entry-title">${rich(item.title)}</strong>`,
            rich(item.place),
          ],
          ' · ',
        );
        const meta = joined(
          [
            isEmpty(item.advisor) ? EMPTY_HTML : html`${labels.advisor}: ${rich(item.advisor)}`,
            rich(item.area),
          ],
          ' · ',
        );
        return entry(
          html`${line('entry-head', head)}${line('entry-meta', meta)}${detailsList(item.details)}`,
          item.dates,
        );
      }),
    ),

  skills: (section) =>
    html`<dl class="skills">\n${section.items.map(
      (item) => html`<div><dt>${rich(item.title)}</dt><dd>${rich(item.details)}</dd></div>\n`,
    )}</dl>\n`,

  service: (section) =>
    html`${section.groups.map((group) =>
      group.items.length === 0
        ? EMPTY_HTML
        : html`${group.title === null ? EMPTY_HTML : html`<h3 class="group-heading">${rich(group.title)}</h3>\n`}${entries(
            group.items.map(serviceRow),
          )}`,
    )}`,

  teaching: (section) =>
    entries(
      section.items.map((item) => {
        const name = isEmpty(item.name)
          ? EMPTY_HTML
          : html`<strong class="entry-title">${linked(item.url, rich(item.name))}</strong>`;
        const head = html`${name}${isEmpty(item.short) ? EMPTY_HTML : html` <span class="entry-aside">(${rich(item.short)})</span>`}`;
        return entry(
          html`${line('entry-head', head)}${line('entry-meta', rich(item.position))}`,
          item.semester,
        );
      }),
    ),

  coursework: (section) =>
    html`${section.groups.map(
      (group) =>
        html`<h3 class="group-heading">${rich(group.title)}</h3>\n<ul class="inline-list">${group.courses.map(
          (course) => html`<li>${rich(course)}</li>`,
        )}</ul>\n`,
    )}`,

  talks: (section) =>
    entries(
      section.items.map((item) =>
        entry(
          html`${line('entry-head', linked(item.url, rich(item.title)))}${line(
            'entry-meta',
            linked(item.locationUrl, rich(item.location)),
          )}`,
          item.year,
        ),
      ),
    ),

  advising: (section) =>
    entries(
      section.items.map((item) => {
        const details = isEmpty(item.details)
          ? EMPTY_HTML
          : html` <span class="entry-aside">(${rich(item.details)})</span>`;
        return entry(line('entry-head', html`${linked(item.url, rich(item.name))}${details}`), item.year);
      }),
    ),

  repos: (section, ctx) => {
    const { labels } = localeOf(ctx.cv.locale);
    return entries(
      section.items.map((item) => {
        const stars = item.stars === undefined ? undefined : formatStarCount(item.stars);
        const starsHtml =
          stars === undefined
            ? EMPTY_HTML
            : html` <span class="stars">${icon('star')}<span class="visually-hidden">${labels.githubStars}</span> ${stars}</span>`;
        const homepage =
          item.homepage === undefined
            ? EMPTY_HTML
            : html` <span class="entry-aside">· ${linked(item.homepage, html`${labels.website}`)}</span>`;
        const head = html`${linked(item.url, html`<span class="repo-name">${item.name}</span>`)}${starsHtml}${homepage}`;
        return entry(
          html`${line('entry-head', head)}${line('entry-meta', rich(item.description))}`,
          item.year,
        );
      }),
    );
  },

  publications: renderPublications,

  items: (section) => entries(section.items.map(genericRow)),

  generic: renderGeneric,
};

/** Dispatches a section to its handler. */
export function renderSectionBody(section: Section, ctx: HtmlContext): SafeHtml {
  const handler = sectionHandlers[section.type] as (s: Section, c: HtmlContext) => SafeHtml;
  return handler(section, ctx);
}
