/**
 * The publications section of the Jekyll page, in the markup of the original's page
 * (../shared/reference/seed-cv-page.md): the heading with the .bib source link, the Google Scholar button,
 * `<h2>YEAR</h2>` + `<table class="table table-hover">` per group, and one row per paper with `[N]`,
 * the `[abs]` toggle, the model's links as `[arxiv]`/`[code]`/`[slides]`/`[talk]`/.../`[doi]` (the chips of the
 * HTML page, in its order), the award in bold after the venue, and the hidden abstract.
 *
 * Text goes through `inlineToHtml` (escaped); every URL through `safeUrl` and attribute escaping; element
 * ids use the publication's id-safe anchor.
 */

import type { Inline } from '../../inline/ast.js';
import { escapeHtmlAttribute, escapeHtmlText } from '../../inline/html-escape.js';
import { inlineToHtml } from '../../inline/to-html.js';
import { listSeparators, localeOf, plural } from '../../locale/locale.js';
import type { Author, Publication, PublicationList, PublicationsSection, RichText } from '../../model/cv.js';
import { madeOncePer } from '../../util/made-once.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUriComponent } from '../../util/uri.js';
import { bibSourceUrl } from '../shared/bib-source.js';
import { joinWithAnd } from '../shared/join.js';
import { socialLink } from '../shared/social.js';
import { formatVenueSummary } from '../shared/venue-summary.js';
import { MARKDOWN_LINK_SYNTAX } from './escape.js';

export interface PublicationsMarkdownContext {
  /** `social.google_scholar`: shows the Google Scholar button. */
  readonly googleScholarId?: string | undefined;
  /** `cv.person.sourceUrl` (`src:`): the heading links to `<src>/blob/master/<path of the .bib>`. */
  readonly sourceUrl?: string | undefined;
  /** The CV's language (`cv.locale`): its labels, list words and plurals. */
  readonly locale?: string | undefined;
}

const html = (text: RichText): string => inlineToHtml(text);

/**
 * The abstract sits in a `markdown="1"` div, so kramdown reads it as Markdown: backslash-escape the
 * characters that would start a link (`[t](javascript:...)`), a link definition or an attribute list
 * (`{: onclick=...}`), so text from a .bib stays text. kramdown shows `\[` as `[`.
 */
export function escapeMarkdownSyntax(nodes: RichText): RichText {
  return nodes.map((node): Inline => {
    if (node.type === 'text')
      return { type: 'text', value: node.value.replace(MARKDOWN_LINK_SYNTAX, '\\$&') };
    if ('children' in node) return { ...node, children: escapeMarkdownSyntax(node.children) } as Inline;
    return node;
  });
}

/** `href='...'` value for a URL, or undefined when the URL must not be linked. */
function href(url: string | undefined): string | undefined {
  const safe = url === undefined ? undefined : safeUrl(url);
  return safe === undefined ? undefined : escapeHtmlAttribute(safe);
}

/**
 * One author: linked when a URL matched, the owner in `<strong>`, marks as superscripts. Made once per
 * `Author` (the model has one per distinct name of a section, written in each of its papers).
 */
export const authorHtml: (author: Author) => string = madeOncePer(freshAuthorHtml);

function freshAuthorHtml(author: Author): string {
  const name = html(author.name);
  const url = href(author.url);
  const linked = url === undefined ? name : `<a href='${url}' target='_blank'>${name}</a>`;
  const marks = author.marks.length === 0 ? '' : `<sup>${html(author.marks)}</sup>`;
  return author.isOwner ? `<strong>${linked}${marks}</strong>` : `${linked}${marks}`;
}

/** The id-safe anchor of a publication (models built without one fall back to the key, made safe). */
export function anchorOf(publication: Publication): string {
  return publication.anchor ?? (publication.key.replace(/[^A-Za-z0-9_-]/g, '-') || 'pub');
}

/** The `[abs] [code] [slides] ...` part after `[N]`, exactly as the original spaced it. */
function linksHtml(publication: Publication, anchor: string): string {
  const parts: string[] = [];
  const hasAbstract = publication.abstract.length > 0;
  if (hasAbstract)
    parts.push(`\n[<a href='javascript:;'\n    onclick='$("#abs_${anchor}").toggle()'>abs</a>]`);
  for (const link of publication.links) {
    const url = href(link.url);
    if (url !== undefined)
      parts.push(`[<a href='${url}' target='_blank'>${escapeHtmlText(link.label)}</a>] `);
  }
  if (parts.length === 0) return ' ';
  return (hasAbstract ? '' : ' ') + parts.join(' ');
}

function imageHtml(publication: Publication): string {
  if (publication.image === undefined) return '';
  const src = href(publication.image.split('/').map(encodeUriComponent).join('/'));
  if (src === undefined) return '';
  const img = `<img src="${src}" alt="" style='border: none; height: 100px;'/>`;
  const url = href(publication.url);
  return url === undefined ? img : `<a href='${url}' target='_blank'>${img}</a> `;
}

export function publicationRowHtml(
  publication: Publication,
  section: PublicationsSection,
  localeTag?: string | undefined,
): string {
  const anchor = anchorOf(publication);
  const titleUrl = href(publication.url);
  const title =
    titleUrl === undefined
      ? html(publication.title)
      : `<a href='${titleUrl}' target='_blank'>${html(publication.title)}</a> `;
  const locale = localeOf(localeTag);
  const authors = joinWithAnd(publication.authors.map(authorHtml), {
    truncated: publication.othersTruncated,
    etAl: escapeHtmlText(locale.labels.etAl),
    separators: listSeparators(locale),
  });
  const note = publication.note.length === 0 ? '' : `(${html(publication.note)})`;
  const citations =
    section.showCitations && publication.citations !== undefined
      ? ` (${escapeHtmlText(plural(locale.labels.citations, publication.citations, locale))})`
      : '';
  const award =
    publication.award === undefined || publication.award.length === 0
      ? ''
      : ` <strong>${html(publication.award)}</strong>`;
  const abstract =
    publication.abstract.length === 0
      ? ''
      : `\n<div id="abs_${anchor}" style="text-align: justify; display: none" markdown="1">\n${html(escapeMarkdownSyntax(publication.abstract))}\n</div>\n`;
  const body =
    `    <em>${title}</em><br>\n` +
    `    ${authors}<br>\n` +
    `    ${html(publication.venue)} ${escapeHtmlText(publication.year)} ${note}${citations}${award} <br>\n` +
    `    [${escapeHtmlText(publication.label)}]${linksHtml(publication, anchor)}<br>\n` +
    abstract;
  const style = publication.selected ? ' style="background-color: #ffffd0"' : '';
  const image = imageHtml(publication);
  const cell =
    image === ''
      ? `${body}\n`
      : `<div class="col-sm-10">\n${body}</div>\n<div class="col-sm-2">${image}</div>\n`;
  return `<tr id="tr-${anchor}"${style}>\n<td>\n${cell}</td>\n</tr>\n`;
}

/** The heading's link to the .bib source (`bibSourceUrl`), or nothing. */
function bibLinkHtml(
  section: PublicationsSection,
  list: PublicationList | undefined,
  sourceUrl: string | undefined,
): string {
  const target = href(bibSourceUrl(section, list, sourceUrl));
  return target === undefined
    ? ''
    : ` <a href="${target}"><i class="fa fa-code-fork" aria-hidden="true"></i></a>`;
}

function tableHtml(
  publications: readonly Publication[],
  section: PublicationsSection,
  locale: string | undefined,
): string {
  let out = '<table class="table table-hover">\n';
  for (const p of publications) out += `\n${publicationRowHtml(p, section, locale)}`;
  return `${out}\n</table>\n`;
}

function listHtml(
  list: PublicationList,
  section: PublicationsSection,
  context: PublicationsMarkdownContext,
): string {
  const heading =
    list.heading === null
      ? ''
      : `### ${html(list.heading)}${bibLinkHtml(section, list, context.sourceUrl)}\n\n`;
  const groups = list.groups.map((group) => {
    const h2 = group.heading === null ? '' : `<h2>${escapeHtmlText(group.heading)}</h2>\n`;
    return h2 + tableHtml(group.publications, section, context.locale);
  });
  return heading + groups.join('\n');
}

export function renderPublicationsMarkdown(
  section: PublicationsSection,
  title: string | null,
  context: PublicationsMarkdownContext,
): string {
  let out = '';
  const single =
    section.lists.length === 1 && section.lists[0]?.heading === null ? section.lists[0] : undefined;
  if (title !== null) {
    out += `## <i class="fa fa-chevron-right"></i> ${title}${bibLinkHtml(section, single, context.sourceUrl)}\n\n`;
  }
  const scholarId = context.googleScholarId?.trim();
  const url = scholarId ? href(socialLink('google_scholar', scholarId)) : undefined;
  if (url !== undefined) {
    out += `<a href="${url}" class="btn btn-primary" style="padding: 0.3em;">\n  <i class="ai ai-google-scholar"></i> Google Scholar\n</a>\n\n`;
  }
  if (section.legend !== undefined && section.legend.length > 0) out += `${html(section.legend)}\n\n`;
  if (section.venueSummary.length > 0)
    out += `<p>${escapeHtmlText(localeOf(context.locale).labels.venues)}: ${escapeHtmlText(formatVenueSummary(section.venueSummary, context.locale))}</p>\n\n`;
  out += section.lists.map((list) => listHtml(list, section, context)).join('\n');
  return out;
}
