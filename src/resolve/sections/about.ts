/** The `about` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { AboutSection } from '../../model/cv.js';
import type { SectionSpec } from '../context.js';
import { displayText } from '../field-schemas.js';

const aboutSchema = z.union([displayText, z.null()]);
export const aboutSection: SectionSpec<AboutSection, typeof aboutSchema> = {
  type: 'about',
  description: 'Free text or HTML shown at the top of the web page (web targets show it as HTML).',
  schema: aboutSchema,
  resolve: (value, ctx) => ({
    type: 'about',
    key: ctx.key,
    html: value ?? '',
    text: value ? [{ type: 'html', value }] : [],
    position: ctx.position([]),
  }),
};
