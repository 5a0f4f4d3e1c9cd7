/** The `honors` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { HonorsSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';

const honorItem = z.strictObject({
  title: displayText,
  year: optionalText,
  url: urlString,
  descr: optionalText,
  description: optionalText,
  location: optionalText,
});
const honorsSchema = z.array(honorItem);
export const honorsSection: SectionSpec<HonorsSection, typeof honorsSchema> = {
  type: 'honors',
  description: 'Awards: title, year, url, descr.',
  schema: honorsSchema,
  resolve: (items, ctx) => ({
    type: 'honors',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((h, i) => ({
      title: ctx.rich(h.location ? `${h.title}, ${h.location}` : h.title, [i, 'title']),
      year: ctx.rich(h.year, [i, 'year']),
      url: ctx.url(h.url, [i, 'url']),
      description: ctx.rich(h.descr ?? h.description, [i, h.descr != null ? 'descr' : 'description']),
    })),
  }),
};
