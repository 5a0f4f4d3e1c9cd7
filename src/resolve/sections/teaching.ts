/** The `teaching` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { TeachingSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';

const teachingItem = z.strictObject({
  semester: optionalText,
  name: displayText,
  short: optionalText,
  position: optionalText,
  url: urlString,
  location: optionalText,
});
const teachingSchema = z.array(teachingItem);
export const teachingSection: SectionSpec<TeachingSection, typeof teachingSchema> = {
  type: 'teaching',
  description: 'Teaching: semester, name, short (course code), position.',
  schema: teachingSchema,
  resolve: (items, ctx) => ({
    type: 'teaching',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((t, i) => ({
      semester: ctx.rich(t.semester, [i, 'semester']),
      name: ctx.rich(t.name, [i, 'name']),
      short: ctx.rich(t.location ? `${t.short ?? ''}${t.short ? ', ' : ''}${t.location}` : t.short, [
        i,
        'short',
      ]),
      position: ctx.rich(t.position, [i, 'position']),
      url: ctx.url(t.url, [i, 'url']),
    })),
  }),
};
