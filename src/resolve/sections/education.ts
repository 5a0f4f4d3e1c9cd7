/**
 * The `education` section: the schema of its YAML value and its resolver into the model. Forks and JSON
 * Resume write `institution`/`university` for the school, `studyType` and `area` for the degree,
 * `startDate`/`endDate` or `year` for the dates, `score` for the GPA and `courses` for detail lines.
 */

import { z } from 'zod';
import type { EducationSection } from '../../model/cv.js';
import { richLines, type SectionSpec, unknownLines } from '../context.js';
import { optionalText, textList, urlString } from '../field-schemas.js';
import { alias, dateRangeKeys, datesOf, detailList, firstOf } from './shapes.js';

const educationItem = z.strictObject({
  school: optionalText,
  degree: optionalText,
  location: optionalText,
  dates: optionalText,
  overallGPA: optionalText,
  majorGPA: optionalText,
  gpa: optionalText,
  details: textList,
  url: urlString,
  institution: alias('school'),
  university: alias('school'),
  studyType: alias('degree'),
  area: optionalText.meta({ description: 'Field of study; shown after the degree.' }),
  major: alias('area'),
  score: alias('overallGPA'),
  GPA: alias('overallGPA'),
  year: alias('dates'),
  ...dateRangeKeys,
  courses: detailList(),
  website: urlString,
});
const educationSchema = z.array(educationItem);
export const educationSection: SectionSpec<EducationSection, typeof educationSchema> = {
  type: 'education',
  description:
    'Degrees: school, degree, location, dates, overallGPA, majorGPA, details (also institution, studyType, area, startDate/endDate).',
  schema: educationSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'education',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((e, i) => {
      const url = ctx.url(e.url ?? e.website, [i, e.url ? 'url' : 'website']);
      const schoolField = firstOf(e, ['school', 'institution', 'university']);
      const school = ctx.rich(schoolField?.value, [i, schoolField?.key ?? 'school']);
      const degreeField = firstOf(e, ['degree', 'studyType']);
      const areaField = firstOf(e, ['area', 'major']);
      const degree = [degreeField?.value, areaField?.value].filter((v) => v !== undefined).join(', ');
      const gpa = firstOf(e, ['overallGPA', 'gpa', 'GPA', 'score']);
      const dates = datesOf(e) ?? firstOf(e, ['year']);
      return {
        school: url ? [{ type: 'link', url, children: school }] : school,
        degree: ctx.rich(degree, [i, degreeField?.key ?? areaField?.key ?? 'degree']),
        location: ctx.rich(e.location, [i, 'location']),
        dates: dates ? ctx.rich(dates.value, [i, dates.key]) : [],
        gpa: gpa ? ctx.rich(gpa.value, [i, gpa.key]) : [],
        majorGpa: ctx.rich(e.majorGPA, [i, 'majorGPA']),
        details: [
          ...richLines(e.details, [i, 'details'], ctx),
          ...richLines(e.courses, [i, 'courses'], ctx),
          ...unknownLines([i], ctx),
        ],
      };
    }),
  }),
};
