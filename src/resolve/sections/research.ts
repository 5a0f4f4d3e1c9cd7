/**
 * The `research` section: the schema of its YAML value and its resolver into the model. bamos/cv's files of
 * 2013-2014 name the place `lab`; forks write `institution` or `organization`.
 */

import { z } from 'zod';
import type { ResearchSection } from '../../model/cv.js';
import { richLines, type SectionSpec, unknownLines } from '../context.js';
import { displayText, optionalText, textList, urlString } from '../field-schemas.js';
import { alias, dateRangeKeys, datesOf, detailList, firstOf } from './shapes.js';

const researchItem = z.strictObject({
  title: displayText,
  place: optionalText,
  location: optionalText,
  dates: optionalText,
  advisor: optionalText,
  area: optionalText,
  details: textList,
  url: urlString,
  lab: alias('place'),
  institution: alias('place'),
  organization: alias('place'),
  university: alias('place'),
  ...dateRangeKeys,
  description: detailList(),
  highlights: detailList(),
});
const researchSchema = z.array(researchItem);
export const researchSection: SectionSpec<ResearchSection, typeof researchSchema> = {
  type: 'research',
  description: 'Research experience: title, place (or lab), location, dates, advisor, area, details.',
  schema: researchSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'research',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((r, i) => {
      const place = firstOf(r, ['place', 'lab', 'institution', 'organization', 'university']);
      const dates = datesOf(r);
      const placeText = r.location ? `${place?.value ?? ''}${place ? ', ' : ''}${r.location}` : place?.value;
      return {
        title: ctx.rich(r.title, [i, 'title']),
        place: ctx.rich(placeText, [i, place?.key ?? 'location']),
        dates: dates ? ctx.rich(dates.value, [i, dates.key]) : [],
        advisor: ctx.rich(r.advisor, [i, 'advisor']),
        area: ctx.rich(r.area, [i, 'area']),
        details: [
          ...richLines(r.description, [i, 'description'], ctx),
          ...richLines(r.details, [i, 'details'], ctx),
          ...richLines(r.highlights, [i, 'highlights'], ctx),
          ...unknownLines([i], ctx),
        ],
      };
    }),
  }),
};
