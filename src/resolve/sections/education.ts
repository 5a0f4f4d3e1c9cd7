/** The `education` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { EducationSection } from '../../model/cv.js';
import { richLines, type SectionSpec } from '../context.js';
import { displayText, optionalText, textList, urlString } from '../field-schemas.js';

const educationItem = z.strictObject({
  school: displayText,
  degree: optionalText,
  location: optionalText,
  dates: optionalText,
  overallGPA: optionalText,
  majorGPA: optionalText,
  gpa: optionalText,
  details: textList,
  url: urlString,
});
const educationSchema = z.array(educationItem);
export const educationSection: SectionSpec<EducationSection, typeof educationSchema> = {
  type: 'education',
  description: 'Degrees: school, degree, location, dates, overallGPA, majorGPA, details.',
  schema: educationSchema,
  resolve: (items, ctx) => ({
    type: 'education',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((e, i) => {
      const url = ctx.url(e.url, [i, 'url']);
      const school = ctx.rich(e.school, [i, 'school']);
      return {
        school: url ? [{ type: 'link', url, children: school }] : school,
        degree: ctx.rich(e.degree, [i, 'degree']),
        location: ctx.rich(e.location, [i, 'location']),
        dates: ctx.rich(e.dates, [i, 'dates']),
        gpa: ctx.rich(e.overallGPA ?? e.gpa, [i, e.overallGPA != null ? 'overallGPA' : 'gpa']),
        majorGpa: ctx.rich(e.majorGPA, [i, 'majorGPA']),
        details: richLines(e.details, [i, 'details'], ctx),
      };
    }),
  }),
};
