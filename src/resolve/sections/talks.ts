/**
 * The `talks` section: the schema of its YAML value and its resolver into the model. bamos/cv's talks of
 * 2021-2022 have only `year`, `location` and `url`; forks write `event`/`venue` for the location, `name`
 * for the title and `date` for the year.
 */

import { z } from 'zod';
import type { TalksSection } from '../../model/cv.js';
import { type SectionSpec, unknownLines, withExtras } from '../context.js';
import { optionalText, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const talkItem = z.strictObject({
  title: optionalText,
  url: urlString,
  location: optionalText,
  location_url: urlString,
  year: optionalText,
  date: optionalText,
  name: alias('title'),
  event: alias('location'),
  venue: alias('location'),
  conference: alias('location'),
  dates: alias('year'),
  slides: urlString,
  video: urlString,
});
const talksSchema = z.array(talkItem);
export const talksSection: SectionSpec<TalksSection, typeof talksSchema> = {
  type: 'talks',
  description: 'Talks: title, url, location, location_url, year (also name, event/venue, date).',
  schema: talksSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'talks',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((t, i) => {
      const title = firstOf(t, ['title', 'name']);
      const where = firstOf(t, ['location', 'event', 'venue', 'conference']);
      const when = firstOf(t, ['year', 'date', 'dates']);
      const links = (['slides', 'video'] as const).flatMap((k) => {
        const url = ctx.url(t[k], [i, k]);
        return url ? [[{ type: 'link' as const, url, children: [{ type: 'text' as const, value: k }] }]] : [];
      });
      return {
        title: ctx.rich(title?.value, [i, title?.key ?? 'title']),
        url: ctx.url(t.url, [i, 'url']),
        location: withExtras(ctx.rich(where?.value, [i, where?.key ?? 'location']), [
          ...links,
          ...unknownLines([i], ctx),
        ]),
        locationUrl: ctx.url(t.location_url, [i, 'location_url']),
        year: when ? ctx.rich(when.value, [i, when.key]) : [],
      };
    }),
  }),
};
