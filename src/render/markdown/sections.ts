/**
 * One handler per section type, each writing the markup of the original's Jekyll page
 * (../shared/reference/seed-cv-page.md is the reference). The mapped type makes a missing handler a
 * compile error.
 */

import type { Cv, RichText, Section, SectionType } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { formatStarCount } from '../shared/stars.js';
import { escapeMarkdownAttribute } from './escape.js';
import { inlineToMarkdown } from './inline.js';
import { renderPublicationsMarkdown } from './publications.js';

export interface MarkdownSectionContext {
  readonly cv: Cv;
  /** The heading text (already rendered), or null for `NONE`. */
  readonly title: string | null;
}

type Handler<T extends SectionType> = (
  section: Extract<Section, { type: T }>,
  ctx: MarkdownSectionContext,
) => string;

/** Text inside the page's HTML tables, where kramdown reads no Markdown: emphasis as HTML tags. */
const md = (text: RichText) => inlineToMarkdown(text, 'html');
/** Text inside a `markdown="1"` block, written as the original wrote it (`*x*`). */
const mdText = (text: RichText) => inlineToMarkdown(text);

const heading = (title: string | null) =>
  title === null ? '' : `## <i class="fa fa-chevron-right"></i> ${title}\n`;
const has = (text: RichText) => text.length > 0;
const link = (url: string | undefined, inner: string) => {
  const href = url === undefined ? undefined : safeUrl(url);
  return href === undefined ? inner : `<a href="${escapeMarkdownAttribute(href)}">${inner}</a>`;
};
const dateCell = (width: 1 | 2, text: RichText) =>
  `  <td class='col-md-${width}' style='text-align:right;'>${md(text)}</td>`;
const table = (rows: readonly string[]) => `<table class="table table-hover">\n${rows.join('')}</table>\n`;

export const MARKDOWN_SECTIONS: { readonly [T in SectionType]: Handler<T> } = {
  about: (s, { title }) => `${heading(title)}${s.html}\n`,

  news: (s, { title }) =>
    heading(title) +
    table(
      s.items.map(
        (i) => `<tr>\n  <td class='col-md-3'>${md(i.date)}</td>\n  <td>${md(i.text)}</td>\n</tr>\n`,
      ),
    ),

  education: (s, { title }) =>
    `${heading(title)}\n` +
    table(
      s.items.map((e) => {
        let cell = '';
        if (has(e.degree)) {
          cell += `        <strong>${md(e.degree)}</strong>\n`;
          if (has(e.gpa)) cell += `          (${md(e.gpa)})\n`;
          cell += '        <br>\n';
        }
        cell += `      ${[e.school, e.location].filter(has).map(md).join(' | ')}\n`;
        if (e.details.length > 0) {
          cell += `        <p style='margin-top:-1em;margin-bottom:0em' markdown='1'>\n`;
          for (const d of e.details) cell += `        <br> ${mdText(d)}\n`;
          cell += '        </p>\n';
        }
        return `  <tr>\n    <td>\n${cell}    </td>\n    <td class="col-md-2" style='text-align:right;'>${md(e.dates)}</td>\n  </tr>\n`;
      }),
    ),

  positions: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((p) => {
        let body = has(p.title)
          ? `<strong>${mdText(p.title)}</strong>, <em>${mdText(p.place)}</em>\n`
          : `<strong>${mdText(p.place)}</strong>\n`;
        if (has(p.location)) body += `| ${mdText(p.location)}\n`;
        if (has(p.inlineDetail)) body += `| ${mdText(p.inlineDetail)}\n`;
        for (const d of p.details) body += `<br> ${mdText(d)}\n`;
        return `<tr>\n  <td>\n<p markdown="1" style='margin: 0'>\n${body}</p>\n  </td>\n${dateCell(2, p.dates)}\n</tr>\n`;
      }),
    ),

  honors: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((h) => {
        let cell = `    ${link(h.url, md(h.title))}\n`;
        if (has(h.description))
          cell += `    <br><p style="color:grey;font-size:1.2rem">${md(h.description)}</p>\n`;
        return `<tr>\n  <td>\n${cell}  </td>\n${dateCell(2, h.year)}\n</tr>\n`;
      }),
    ),

  research: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((r) => {
        let cell = `    <strong>${md(r.title)}</strong>${has(r.place) ? `, <em>${md(r.place)}</em>` : ''}\n`;
        if (has(r.advisor)) cell += `    <br> Advisor: ${md(r.advisor)}\n`;
        if (has(r.area)) cell += `    <br> Area: ${md(r.area)}\n`;
        for (const d of r.details) cell += `    <br> ${md(d)}\n`;
        return `<tr>\n  <td>\n${cell}  </td>\n${dateCell(2, r.dates)}\n</tr>\n`;
      }),
    ),

  skills: (s, { title }) =>
    heading(title) +
    table(
      s.items.map(
        (k) => `<tr>\n  <td class='col-md-2'>${md(k.title)}</td>\n  <td>\n${md(k.details)}\n  </td>\n</tr>\n`,
      ),
    ),

  service: (s, { title }) =>
    heading(title) +
    s.groups
      .map(
        (g) =>
          (g.title ? `\n### ${md(g.title)}\n` : '') +
          table(
            g.items.map((i) => {
              let cell = has(i.details) ? `     ${link(i.url, md(i.details))}\n` : '';
              if (has(i.subDetails))
                cell += `  <br><p style="color:grey;font-size:1.2rem">${md(i.subDetails)}</p>\n`;
              return `<tr>\n  <td>\n${cell}${dateCell(2, i.year)}\n  </td>\n</tr>\n`;
            }),
          ),
      )
      .join(''),

  teaching: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((t) => {
        let cell = `<strong>${link(t.url, md(t.name))}</strong>`;
        if (has(t.short)) cell += ` (${md(t.short)})`;
        if (has(t.position)) cell += `, ${md(t.position)}`;
        return `<tr>\n  <td>${cell}</td>\n${dateCell(1, t.semester)}\n</tr>\n`;
      }),
    ),

  coursework: (s, { title }) =>
    heading(title) +
    table(
      s.groups.map(
        (g) =>
          `<tr>\n${has(g.title) ? `  <td class='col-md-2'>${md(g.title)}</td>\n` : ''}  <td>\n${g.courses.map(md).join(', ')}\n  </td>\n</tr>\n`,
      ),
    ),

  talks: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((t) => {
        const parts: string[] = [];
        if (has(t.title)) parts.push(link(t.url, md(t.title)));
        if (has(t.location)) parts.push(link(t.locationUrl, md(t.location)));
        return `<tr>\n  <td>\n        ${parts.join(', ')}\n  </td>\n${dateCell(1, t.year)}\n</tr>\n`;
      }),
    ),

  advising: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((a) => {
        const details = has(a.details) ? ` (${md(a.details)})` : '';
        return `<tr>\n  <td>\n        ${link(a.url, md(a.name))}${details}\n  </td>\n${dateCell(1, a.year)}\n</tr>\n`;
      }),
    ),

  repos: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((r) => {
        let cell = `    ${link(r.url, md([{ type: 'text', value: r.name }]))}`;
        if (r.stars !== undefined)
          cell += ` |\n    <i class="fa fas fa-star"></i> ${formatStarCount(r.stars)}`;
        if (has(r.description)) cell += ` |\n    <em>${md(r.description)}</em>`;
        if (r.homepage) cell += ` |\n    ${link(r.homepage, 'website')}`;
        return `<tr>\n  <td>\n${cell}\n  </td>\n${dateCell(1, r.year)}\n</tr>\n`;
      }),
    ),

  publications: (s, { cv, title }) =>
    renderPublicationsMarkdown(s, title, {
      googleScholarId: cv.person.social.google_scholar,
      sourceUrl: cv.person.sourceUrl,
      locale: cv.locale,
    }),

  generic: (s, { title }) =>
    heading(title) +
    s.groups
      .map(
        (g) =>
          (g.label ? `\n### ${md(g.label)}\n` : '') +
          table(
            g.rows.map((r) => {
              const lines: string[] = [];
              if (has(r.title)) lines.push(`<strong>${link(r.url, md(r.title))}</strong>`);
              for (const d of r.details)
                lines.push(
                  `${d.label === null ? '' : `${md([{ type: 'text', value: d.label }])}: `}${md(d.text)}`,
                );
              return `<tr>\n  <td>\n    ${lines.join('\n    <br> ')}\n  </td>\n${dateCell(2, r.date)}\n</tr>\n`;
            }),
          ),
      )
      .join(''),

  items: (s, { title }) =>
    heading(title) +
    table(
      s.items.map((i) => {
        const text = has(i.text) ? md(i.text) : i.fields.map((f) => `${f.key}: ${md(f.value)}`).join(' | ');
        return `<tr>\n  <td>\n    ${text}\n  </td>\n</tr>\n`;
      }),
    ),
};
