/**
 * Publications as the original's LaTeX: numbered entries (title with link pills, arxiv ... doi, authors with the
 * owner in bold and co-authors linked, venue and year, the award in bold), selected papers highlighted, grouped
 * under year headings.
 */

import { listSeparators, localeOf, plural } from '../../../locale/locale.js';
import type { Author, Publication, PublicationList, PublicationsSection } from '../../../model/cv.js';
import { joinWithAnd } from '../../shared/join.js';
import { socialLink } from '../../shared/social.js';
import { formatVenueSummary } from '../../shared/venue-summary.js';
import type { LatexContext } from '../context.js';
import { aside, isPresent, joinPresent, lines } from './shared.js';

function renderAuthor(author: Author, context: LatexContext): string {
  let name = context.link(author.url, context.rich(author.name));
  if (author.isOwner) name = `\\textbf{${name}}`;
  if (isPresent(author.marks)) {
    const marks = context.rich(author.marks);
    const allSuperscript = author.marks.every((node) => node.type === 'superscript');
    name += allSuperscript ? marks : `\\textsuperscript{${marks}}`;
  }
  // One name never breaks across lines, as in the original.
  return `\\mbox{${name}}`;
}

/** "A", "A and B", "A, B, and C" (the original's joining), "A, B, et~al." when the list was cut. */
export function renderAuthors(publication: Publication, context: LatexContext): string {
  const names = publication.authors.map((author) => renderAuthor(author, context));
  const locale = localeOf(context.cv.locale);
  const etAl = locale.labels.etAl === 'et al.' ? 'et~al.' : context.text(locale.labels.etAl);
  return joinWithAnd(names, {
    truncated: publication.othersTruncated,
    etAl,
    separators: listSeparators(locale),
  });
}

function renderPublication(publication: Publication, showCitations: boolean, context: LatexContext): string {
  context.at(publication.position);
  const title = context.link(publication.url, `\\textit{${context.rich(publication.title)}}`);
  const pills = publication.links.map(
    (link) => `\\vitapill{${context.link(link.url, context.text(link.label))}}`,
  );
  const citations =
    showCitations && publication.citations !== undefined
      ? aside(
          context.text(
            plural(
              localeOf(context.cv.locale).labels.citations,
              publication.citations,
              localeOf(context.cv.locale),
            ),
          ),
        )
      : '';
  const venue = joinPresent(
    [
      joinPresent([context.rich(publication.venue), context.text(publication.year)], ' '),
      isPresent(publication.note) ? `(${context.rich(publication.note)})` : '',
      publication.award !== undefined && isPresent(publication.award)
        ? `\\textbf{${context.rich(publication.award)}}`
        : '',
      citations,
    ],
    ' ',
  );
  const command = publication.selected ? '\\vitapubselected' : '\\vitapub';
  return [
    `${command}{${context.text(publication.label)}.}`,
    `{${joinPresent([title, ...pills], ' ')}}`,
    `{${renderAuthors(publication, context)}}`,
    `{${venue}}`,
  ].join('\n  ');
}

function renderList(list: PublicationList, showCitations: boolean, context: LatexContext): string {
  const groupHeading = list.heading === null ? '\\subsection' : '\\subsubsection';
  return lines(
    list.heading === null ? '' : `\\subsection{${context.rich(list.heading)}}`,
    ...list.groups.map((group) =>
      lines(
        group.heading === null ? '' : `${groupHeading}{${context.text(group.heading)}}`,
        ...group.publications.map((publication) => renderPublication(publication, showCitations, context)),
      ),
    ),
  );
}

/** The line above the list: what the highlight means, citation totals and the Google Scholar profile. */
function renderIntro(section: PublicationsSection, context: LatexContext): string {
  const parts: string[] = [];
  const hasSelected = section.lists.some((list) =>
    list.groups.some((group) => group.publications.some((publication) => publication.selected)),
  );
  const { labels } = localeOf(context.cv.locale);
  const [selected, highlighted] = labels.selectedHighlighted;
  if (hasSelected)
    parts.push(`${context.text(selected)}\\colorbox{vitahighlight}{${context.text(highlighted)}}`);
  const stats = context.cv.citations;
  if (section.showCitations && stats !== undefined) {
    const numbers = joinPresent(
      [
        stats.totalCitations === undefined
          ? ''
          : `${context.text(labels.citationsTotal)}: ${stats.totalCitations}`,
        stats.hIndex === undefined ? '' : `${context.text(labels.hIndex)}: ${stats.hIndex}`,
      ],
      ', ',
    );
    if (numbers !== '') parts.push(`${numbers} ${aside(context.text(stats.source))}.`);
  }
  const scholar = context.cv.person.social.google_scholar;
  const url = scholar === undefined ? undefined : socialLink('google_scholar', scholar);
  if (url !== undefined) {
    parts.push(`\\vitapill{${context.link(url, 'Google Scholar')}}`);
  }
  const venues = section.venueSummary;
  return lines(
    parts.length === 0 ? '' : `\\vitaline{${parts.join(' ')}}`,
    venues.length === 0
      ? ''
      : `\\vitaline{${context.text(labels.venues)}: ${context.text(formatVenueSummary(venues, context.cv.locale))}${context.text(labels.fullStop)}}`,
  );
}

export function renderPublications(section: PublicationsSection, context: LatexContext): string {
  return lines(
    renderIntro(section, context),
    ...section.lists.map((list) => renderList(list, section.showCitations, context)),
  );
}
