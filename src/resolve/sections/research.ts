/** The `research` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { ResearchSection } from '../../model/cv.js';
import { richLines, type SectionSpec } from '../context.js';
import { displayText, optionalText, textList, urlString } from '../field-schemas.js';

const researchItem = z.strictObject({
  title: displayText,
  place: optionalText,
  location: optionalText,
  dates: optionalText,
  advisor: optionalText,
  area: optionalText,
  details: textList,
  url: urlString,
});
const researchSchema = z.array(researchItem);
export const researchSection: SectionSpec<ResearchSection, typeof researchSchema> = {
  type: 'research',
  description: 'Research experience: title, place, dates, advisor, area, details.',
  schema: researchSchema,
  resolve: (items, ctx) => ({
    type: 'research',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((r, i) => ({
      title: ctx.rich(r.title, [i, 'title']),
      place: ctx.rich(r.location ? `${r.place ?? ''}${r.place ? ', ' : ''}${r.location}` : r.place, [
        i,
        'place',
      ]),
      dates: ctx.rich(r.dates, [i, 'dates']),
      advisor: ctx.rich(r.advisor, [i, 'advisor']),
      area: ctx.rich(r.area, [i, 'area']),
      details: richLines(r.details, [i, 'details'], ctx),
    })),
  }),
};
