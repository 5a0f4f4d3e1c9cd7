/**
 * A publications section written as YAML entries instead of a .bib file, as bamos/cv did in 2013-2014
 * (`{title: Conference, details: [...]}`: a heading and one line per paper) and as forks do
 * (`{title, authors, venue, year, url}` per paper). The first shape shows as headed groups of lines, the
 * second as a list of titles with their authors and venue; BibTeX files remain the way to get numbering,
 * the owner in bold and the links of docs/publications.md.
 */

import { z } from 'zod';
import type { HonorsSection, RichText, ServiceSection } from '../../model/cv.js';
import {
  type RelativePath,
  type ResolveContext,
  type SectionSpec,
  unknownLines,
  withExtras,
} from '../context.js';
import { commaJoined, displayText, optionalText, textList, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const names = commaJoined;
const entry = z.strictObject({
  title: optionalText,
  details: textList,
  authors: names,
  author: names.meta({ description: 'Another name for `authors`.' }),
  venue: optionalText,
  journal: alias('venue'),
  booktitle: alias('venue'),
  conference: alias('venue'),
  publisher: alias('venue'),
  year: optionalText,
  date: alias('year'),
  note: optionalText,
  url: urlString,
  link: urlString,
  pdf: urlString,
});
const entriesSchema = z.array(z.union([displayText, entry]));
type Entry = z.output<typeof entry>;

/** `Authors. Venue. Note` after the title, and any unknown keys. */
function byline(e: Entry, path: RelativePath, ctx: ResolveContext): RichText {
  const parts: RichText[] = [];
  const authors = e.authors ?? e.author;
  if (authors) parts.push(ctx.rich(authors, [...path, e.authors ? 'authors' : 'author']));
  const venue = firstOf(e, ['venue', 'journal', 'booktitle', 'conference', 'publisher']);
  if (venue) parts.push(ctx.rich(venue.value, [...path, venue.key]));
  if (e.note) parts.push(ctx.rich(e.note, [...path, 'note']));
  for (const [i, d] of (e.details ?? []).entries()) parts.push(ctx.rich(d, [...path, 'details', i]));
  return withExtras([], [...parts, ...unknownLines(path, ctx)], '. ');
}

const isGroup = (e: string | Entry) =>
  typeof e !== 'string' && (e.details?.length ?? 0) > 0 && !e.authors && !e.author && !e.venue && !e.year;

export const publicationEntriesSection: SectionSpec<HonorsSection, typeof entriesSchema> = {
  type: 'honors',
  description:
    'Publications written in the YAML: {title, details: [lines]} groups, or {title, authors, venue, year, url} entries.',
  schema: entriesSchema,
  showsUnknownKeys: true,
  resolve: (entries, ctx): HonorsSection | ServiceSection => {
    if (entries.length > 0 && entries.every(isGroup)) {
      return {
        type: 'service',
        key: ctx.key,
        position: ctx.position([]),
        groups: (entries as Entry[]).map((g, i) => ({
          key: null,
          title: ctx.rich(g.title, [i, 'title']),
          items: [
            ...(g.details ?? []).map((d, j) => ({
              details: ctx.rich(d, [i, 'details', j]),
              subDetails: [],
              year: [],
            })),
            ...unknownLines([i], ctx).map((line) => ({ details: line, subDetails: [], year: [] })),
          ],
        })),
      };
    }
    return {
      type: 'honors',
      key: ctx.key,
      position: ctx.position([]),
      items: entries.map((e, i) => {
        if (typeof e === 'string') return { title: ctx.rich(e, [i]), year: [], description: [] };
        const urlKey = e.url ? 'url' : e.link ? 'link' : 'pdf';
        const year = firstOf(e, ['year', 'date']);
        return {
          title: ctx.rich(e.title, [i, 'title']),
          url: ctx.url(e.url ?? e.link ?? e.pdf, [i, urlKey]),
          year: year ? ctx.rich(year.value, [i, year.key]) : [],
          description: byline(e, [i], ctx),
        };
      }),
    };
  },
};
