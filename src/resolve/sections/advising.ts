/** The `advising` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { AdvisingSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';

const adviseeItem = z.strictObject({
  name: displayText,
  url: urlString,
  details: optionalText,
  year: optionalText,
});
const advisingSchema = z.array(adviseeItem);
export const advisingSection: SectionSpec<AdvisingSection, typeof advisingSchema> = {
  type: 'advising',
  description: 'Students and interns: name, url, details, year.',
  schema: advisingSchema,
  resolve: (items, ctx) => ({
    type: 'advising',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((a, i) => ({
      name: ctx.rich(a.name, [i, 'name']),
      url: ctx.url(a.url, [i, 'url']),
      details: ctx.rich(a.details, [i, 'details']),
      year: ctx.rich(a.year, [i, 'year']),
    })),
  }),
};
