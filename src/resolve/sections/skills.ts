/** The `skills` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { SkillsSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText } from '../field-schemas.js';

const skillItem = z.strictObject({
  title: displayText,
  details: z.union([displayText, z.array(displayText)]),
});
const skillsSchema = z.array(skillItem);
export const skillsSection: SectionSpec<SkillsSection, typeof skillsSchema> = {
  type: 'skills',
  description: 'Skills: title and details (a line or a list).',
  schema: skillsSchema,
  resolve: (items, ctx) => ({
    type: 'skills',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((s, i) => ({
      title: ctx.rich(s.title, [i, 'title']),
      details: ctx.rich(Array.isArray(s.details) ? s.details.join(', ') : s.details, [i, 'details']),
    })),
  }),
};
