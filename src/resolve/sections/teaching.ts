/**
 * The `teaching` section: the schema of its YAML value and its resolver into the model. Three shapes from
 * bamos/cv's history read plainly:
 * - since 2015: `{semester, name, short, position}`, a course per entry;
 * - 2014-2015: `{university, course: {number, name}, dates, details}`, the course as a mapping;
 * - 2013-2014: `{university | place, location, title, dates, details}`, a job. A list of only such
 *   entries is shown as positions (title, place, dates and detail lines), which is what it is.
 */

import { z } from 'zod';
import type { RichText, TeachingItem, TeachingSection } from '../../model/cv.js';
import {
  type RelativePath,
  type ResolveContext,
  type SectionSpec,
  unknownLines,
  withExtras,
} from '../context.js';
import { optionalText, textList, urlString } from '../field-schemas.js';
import { resolvePosition } from './positions.js';
import { alias, dateRangeKeys, datesOf, firstOf } from './shapes.js';

const courseMapping = z
  .strictObject({ name: optionalText, number: optionalText, short: optionalText, url: urlString })
  .meta({ description: 'The course as a mapping (bamos/cv, 2014): number and name.' });

const teachingItem = z.strictObject({
  semester: optionalText,
  name: optionalText,
  short: optionalText,
  position: optionalText,
  url: urlString,
  location: optionalText,
  course: z.union([optionalText, courseMapping]),
  number: alias('short'),
  code: alias('short'),
  role: alias('position'),
  title: alias('position'),
  university: optionalText.meta({ description: 'Where (older entries); shown after the course code.' }),
  place: alias('university'),
  institution: alias('university'),
  term: alias('semester'),
  dates: alias('semester'),
  year: alias('semester'),
  ...dateRangeKeys,
  details: textList,
});
const teachingSchema = z.array(teachingItem);
type TeachingInput = z.output<typeof teachingItem>;

const isJobShaped = (t: TeachingInput) =>
  (t.name === undefined || t.name === null) && (t.course === undefined || t.course === null);

function resolveCourse(t: TeachingInput, i: number, ctx: ResolveContext): TeachingItem {
  const path: RelativePath = [i];
  const course = t.course !== null && typeof t.course === 'object' ? t.course : undefined;
  const courseName = typeof t.course === 'string' ? t.course : course?.name;
  const name = firstOf({ name: t.name, course: courseName, title: t.title }, ['name', 'course', 'title']);
  // `title` names the course only when nothing else does; otherwise it is the role.
  const role = firstOf(
    { position: t.position, role: t.role, title: name?.key === 'title' ? undefined : t.title },
    ['position', 'role', 'title'],
  );
  const code = firstOf(
    { short: t.short ?? course?.short, number: t.number ?? course?.number, code: t.code },
    ['short', 'number', 'code'],
  );
  const where = firstOf(t, ['location', 'university', 'place', 'institution']);
  const shortText = [code?.value, where?.value].filter((v) => v !== undefined && v !== '').join(', ');
  const when = firstOf(t, ['semester', 'term', 'year']) ?? datesOf(t);
  const url = ctx.url(t.url ?? course?.url, t.url ? [i, 'url'] : [i, 'course', 'url']);
  const position: RichText = ctx.rich(role?.value, [i, role?.key ?? 'position']);
  const details = [
    ...(t.details ?? []).map((d, j) => ctx.rich(d, [i, 'details', j])),
    ...unknownLines(path, ctx),
  ];
  return {
    semester: when ? ctx.rich(when.value, [i, when.key]) : [],
    name: ctx.rich(
      name?.value,
      name?.key === 'course' && course ? [i, 'course', 'name'] : [i, name?.key ?? 'name'],
    ),
    short: ctx.rich(shortText, [i, code?.key ?? where?.key ?? 'short']),
    position: withExtras(position, details),
    url,
  };
}

export const teachingSection: SectionSpec<TeachingSection, typeof teachingSchema> = {
  type: 'teaching',
  description:
    'Teaching: semester, name, short (course code), position; older entries: university, course {number, name}, dates, details, or a job (title, place, dates, details).',
  schema: teachingSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => {
    if (items.length > 0 && items.every(isJobShaped)) {
      return {
        type: 'positions',
        key: ctx.key,
        position: ctx.position([]),
        items: items.map((t, i) =>
          resolvePosition(
            {
              place: t.university ?? t.place ?? t.institution,
              title: t.title ?? t.position ?? t.role,
              location: t.location,
              dates: datesOf(t)?.value ?? t.semester ?? t.term ?? t.year,
              details: t.details,
              url: t.url,
            },
            [i],
            ctx,
          ),
        ),
      };
    }
    return {
      type: 'teaching',
      key: ctx.key,
      position: ctx.position([]),
      items: items.map((t, i) => resolveCourse(t, i, ctx)),
    };
  },
};
