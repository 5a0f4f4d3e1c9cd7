/** The `coursework` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { CourseworkSection } from '../../model/cv.js';
import { richLines, type SectionSpec } from '../context.js';
import { displayText } from '../field-schemas.js';

const courseworkSchema = z.union([z.record(z.string(), z.array(displayText)), z.array(displayText)]);
export const courseworkSection: SectionSpec<CourseworkSection, typeof courseworkSchema> = {
  type: 'coursework',
  description: 'Coursework: a list of courses, or named groups of them (Graduate: [...]).',
  schema: courseworkSchema,
  resolve: (value, ctx) => ({
    type: 'coursework',
    key: ctx.key,
    position: ctx.position([]),
    groups: Array.isArray(value)
      ? [{ title: [], courses: richLines(value, [], ctx) }]
      : Object.entries(value).map(([title, courses]) => ({
          title: ctx.rich(title, [title]),
          courses: richLines(courses, [title], ctx),
        })),
  }),
};
