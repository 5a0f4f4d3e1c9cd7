/**
 * The `positions` section (also `industry`, `experience`, `volunteer`, `projects`, ...): the schema of its
 * YAML value and its resolver into the model. Older bamos/cv files name the place `company`; forks and JSON
 * Resume write `organization`, `position`, `startDate`/`endDate`, `highlights`, which read the same.
 */

import { z } from 'zod';
import type { PositionItem, PositionsSection, RichText } from '../../model/cv.js';
import {
  type RelativePath,
  type ResolveContext,
  richLines,
  type SectionSpec,
  unknownLines,
} from '../context.js';
import { optionalText, textList, urlString } from '../field-schemas.js';
import { alias, dateRangeKeys, datesOf, detailList, firstOf, listOrNamed } from './shapes.js';

const PLACE_KEYS = [
  'place',
  'company',
  'employer',
  'organization',
  'institution',
  'university',
  'lab',
  'name',
] as const;
const TITLE_KEYS = ['title', 'position', 'role'] as const;

export const positionItem = z.strictObject({
  place: optionalText,
  title: optionalText,
  location: optionalText,
  dates: optionalText,
  inline_detail: optionalText,
  details: textList,
  url: urlString,
  area: optionalText,
  advisor: optionalText,
  company: alias('place'),
  employer: alias('place'),
  organization: alias('place'),
  institution: alias('place'),
  university: alias('place'),
  lab: alias('place'),
  name: alias('place'),
  position: alias('title'),
  role: alias('title'),
  ...dateRangeKeys,
  summary: detailList(),
  description: detailList(),
  highlights: detailList(),
  website: urlString,
  link: urlString,
});
const positionsSchema = listOrNamed(positionItem);
export type PositionInput = z.output<typeof positionItem>;

/** One entry: the place (linked), its title, dates, the detail lines and any unknown keys as more lines. */
export function resolvePosition(p: PositionInput, path: RelativePath, ctx: ResolveContext): PositionItem {
  const urlKey = p.url ? 'url' : p.website ? 'website' : 'link';
  const url = ctx.url(p.url ?? p.website ?? p.link, [...path, urlKey]);
  let placeField: { value: string; key: string } | undefined = firstOf(p, PLACE_KEYS);
  let titleField: { value: string; key: string } | undefined = firstOf(p, TITLE_KEYS);
  // Only a title (a project, an old entry): it takes the place's spot, which is shown first and bold.
  if (!placeField && titleField) {
    placeField = titleField;
    titleField = undefined;
  }
  const place: RichText = placeField ? ctx.rich(placeField.value, [...path, placeField.key]) : [];
  const dates = datesOf(p);
  return {
    place: url ? [{ type: 'link', url, children: place }] : place,
    title: titleField ? ctx.rich(titleField.value, [...path, titleField.key]) : [],
    location: ctx.rich(p.location, [...path, 'location']),
    dates: dates ? ctx.rich(dates.value, [...path, dates.key]) : [],
    inlineDetail: ctx.rich(p.inline_detail, [...path, 'inline_detail']),
    details: [
      ...richLines(p.summary, [...path, 'summary'], ctx),
      ...richLines(p.description, [...path, 'description'], ctx),
      ...richLines(p.details, [...path, 'details'], ctx),
      ...richLines(p.highlights, [...path, 'highlights'], ctx),
      ...(p.area ? [ctx.rich(`${ctx.locale?.labels.area ?? 'Area'}: ${p.area}`, [...path, 'area'])] : []),
      ...(p.advisor
        ? [ctx.rich(`${ctx.locale?.labels.advisor ?? 'Advisor'}: ${p.advisor}`, [...path, 'advisor'])]
        : []),
      ...unknownLines(path, ctx),
    ],
  };
}

export const positionsSection: SectionSpec<PositionsSection, typeof positionsSchema> = {
  type: 'positions',
  description:
    'Jobs, internships, current position: place, title, location, dates, inline_detail, details (also company, organization, position, startDate/endDate, highlights).',
  schema: positionsSchema,
  showsUnknownKeys: true,
  resolve: (value, ctx) => ({
    type: 'positions',
    key: ctx.key,
    position: ctx.position([]),
    items: Array.isArray(value)
      ? value.map((p, i) => resolvePosition(p, [i], ctx))
      : Object.entries(value).map(([name, p]) =>
          resolvePosition({ ...p, place: p.place ?? p.name ?? name, name: undefined }, [name], ctx),
        ),
  }),
};
