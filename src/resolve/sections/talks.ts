/** The `talks` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { TalksSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { optionalText, urlString } from '../field-schemas.js';

const talkItem = z.strictObject({
  title: optionalText,
  url: urlString,
  location: optionalText,
  location_url: urlString,
  year: optionalText,
  date: optionalText,
});
const talksSchema = z.array(talkItem);
export const talksSection: SectionSpec<TalksSection, typeof talksSchema> = {
  type: 'talks',
  description: 'Talks: title, url, location, location_url, year.',
  schema: talksSchema,
  resolve: (items, ctx) => ({
    type: 'talks',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((t, i) => ({
      title: ctx.rich(t.title, [i, 'title']),
      url: ctx.url(t.url, [i, 'url']),
      location: ctx.rich(t.location, [i, 'location']),
      locationUrl: ctx.url(t.location_url, [i, 'location_url']),
      year: ctx.rich(t.year ?? t.date, [i, t.year != null ? 'year' : 'date']),
    })),
  }),
};
