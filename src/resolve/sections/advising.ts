/**
 * The `advising` section (also `students`, `mentoring`, `references`): the schema of its YAML value and its
 * resolver into the model. Forks write `title`/`position`/`affiliation`/`reference`/`description` for the
 * details and `dates` for the year.
 */

import { z } from 'zod';
import type { AdvisingSection } from '../../model/cv.js';
import { type SectionSpec, unknownLines, withExtras } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const adviseeItem = z.strictObject({
  name: displayText,
  url: urlString,
  details: optionalText,
  year: optionalText,
  title: alias('details'),
  position: alias('details'),
  affiliation: alias('details'),
  reference: alias('details'),
  description: alias('details'),
  dates: alias('year'),
  date: alias('year'),
  website: urlString,
});
const advisingSchema = z.array(adviseeItem);
export const advisingSection: SectionSpec<AdvisingSection, typeof advisingSchema> = {
  type: 'advising',
  description: 'Students and interns (also references): name, url, details, year.',
  schema: advisingSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'advising',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((a, i) => {
      const keys = ['details', 'title', 'position', 'affiliation', 'reference', 'description'] as const;
      const parts = keys.flatMap((k) => {
        const v = a[k];
        return v === null || v === undefined || v === '' ? [] : [ctx.rich(v, [i, k])];
      });
      const year = firstOf(a, ['year', 'dates', 'date']);
      return {
        name: ctx.rich(a.name, [i, 'name']),
        url: ctx.url(a.url ?? a.website, [i, a.url ? 'url' : 'website']),
        details: withExtras([], [...parts, ...unknownLines([i], ctx)], ', '),
        year: year ? ctx.rich(year.value, [i, year.key]) : [],
      };
    }),
  }),
};
