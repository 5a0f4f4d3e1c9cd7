/**
 * The `coursework` section: the schema of its YAML value and its resolver into the model. A list of
 * courses, named groups of them (`Graduate: [...]`), or, as bamos/cv wrote it from 2015 to 2021, a list of
 * mappings `{semester, name, instructor}`: each becomes a row with the semester beside the course.
 */

import { z } from 'zod';
import type { CourseworkSection, RichText } from '../../model/cv.js';
import {
  type RelativePath,
  type ResolveContext,
  richLines,
  type SectionSpec,
  unknownLines,
  withExtras,
} from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const courseItem = z.strictObject({
  name: optionalText,
  title: alias('name'),
  course: alias('name'),
  number: optionalText.meta({ description: 'Course code, shown after the name.' }),
  code: alias('number'),
  short: alias('number'),
  instructor: optionalText,
  instructors: alias('instructor'),
  semester: optionalText,
  term: alias('semester'),
  year: alias('semester'),
  date: alias('semester'),
  grade: optionalText,
  url: urlString,
});
const course = z.union([displayText, courseItem]);
const courseworkSchema = z.union([z.record(z.string(), z.array(course)), z.array(course)]);
type CourseInput = z.output<typeof course>;

/** `Name (code), instructor` followed by any further fields; the semester goes beside it. */
function courseText(c: Exclude<CourseInput, string>, path: RelativePath, ctx: ResolveContext): RichText {
  const name = firstOf(c, ['name', 'title', 'course']);
  const code = firstOf(c, ['number', 'code', 'short']);
  const instructor = firstOf(c, ['instructor', 'instructors']);
  let text: RichText = ctx.rich(name?.value, [...path, name?.key ?? 'name']);
  const url = ctx.url(c.url, [...path, 'url']);
  if (url) text = [{ type: 'link', url, children: text }];
  const more: RichText[] = [];
  if (code)
    text = [
      ...text,
      { type: 'text', value: ' (' },
      ...ctx.rich(code.value, [...path, code.key]),
      { type: 'text', value: ')' },
    ];
  if (instructor) more.push(ctx.rich(instructor.value, [...path, instructor.key]));
  if (c.grade) more.push(ctx.rich(`grade: ${c.grade}`, [...path, 'grade']));
  return withExtras(text, [...more, ...unknownLines(path, ctx)], ', ');
}

function resolveCourses(
  courses: readonly CourseInput[],
  path: RelativePath,
  groupTitle: RichText,
  ctx: ResolveContext,
): { title: RichText; courses: RichText[] }[] {
  if (courses.every((c) => typeof c === 'string'))
    return [{ title: groupTitle, courses: richLines(courses as string[], path, ctx) }];
  // Mappings: one row per course, its semester beside it; plain lines keep the group's title.
  return courses.map((c, i) => {
    if (typeof c === 'string') return { title: groupTitle, courses: [ctx.rich(c, [...path, i])] };
    const when = firstOf(c, ['semester', 'term', 'year', 'date']);
    return {
      title: when ? ctx.rich(when.value, [...path, i, when.key]) : groupTitle,
      courses: [courseText(c, [...path, i], ctx)],
    };
  });
}

export const courseworkSection: SectionSpec<CourseworkSection, typeof courseworkSchema> = {
  type: 'coursework',
  description:
    'Coursework: a list of courses, named groups of them (Graduate: [...]), or entries {semester, name, instructor}.',
  schema: courseworkSchema,
  showsUnknownKeys: true,
  resolve: (value, ctx) => ({
    type: 'coursework',
    key: ctx.key,
    position: ctx.position([]),
    groups: Array.isArray(value)
      ? resolveCourses(value, [], [], ctx)
      : Object.entries(value).flatMap(([title, courses]) =>
          resolveCourses(courses, [title], ctx.rich(title, [title]), ctx),
        ),
  }),
};
