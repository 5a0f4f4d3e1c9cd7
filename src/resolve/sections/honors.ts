/**
 * The `honors` section (also `awards`, `certifications`): the schema of its YAML value and its resolver.
 * Forks and JSON Resume write `name` or `award` for the title, `awarder`/`issuer` for who gave it, `date`
 * for the year and `summary` for the description.
 */

import { z } from 'zod';
import type { HonorsSection } from '../../model/cv.js';
import { type SectionSpec, unknownLines, withExtras } from '../context.js';
import { optionalText, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const honorItem = z.strictObject({
  title: optionalText,
  year: optionalText,
  url: urlString,
  descr: optionalText,
  description: optionalText,
  location: optionalText,
  name: alias('title'),
  award: alias('title'),
  awarder: optionalText.meta({ description: 'Who gave it; shown after the title.' }),
  issuer: alias('awarder'),
  authority: alias('awarder'),
  organization: alias('awarder'),
  date: alias('year'),
  dates: alias('year'),
  summary: alias('descr'),
  details: alias('descr'),
  website: urlString,
});
const honorsSchema = z.array(honorItem);
export const honorsSection: SectionSpec<HonorsSection, typeof honorsSchema> = {
  type: 'honors',
  description: 'Awards: title, year, url, descr (also name, awarder/issuer, date, summary).',
  schema: honorsSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'honors',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((h, i) => {
      const title = firstOf(h, ['title', 'name', 'award']);
      const by = firstOf(h, ['awarder', 'issuer', 'authority', 'organization', 'location']);
      const year = firstOf(h, ['year', 'date', 'dates']);
      const descr = firstOf(h, ['descr', 'description', 'summary', 'details']);
      const titleText = [title?.value, by?.value].filter((v) => v !== undefined).join(', ');
      return {
        title: ctx.rich(titleText, [i, title?.key ?? by?.key ?? 'title']),
        year: year ? ctx.rich(year.value, [i, year.key]) : [],
        url: ctx.url(h.url ?? h.website, [i, h.url ? 'url' : 'website']),
        description: withExtras(descr ? ctx.rich(descr.value, [i, descr.key]) : [], unknownLines([i], ctx)),
      };
    }),
  }),
};
