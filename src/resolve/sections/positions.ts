/** The `positions` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { PositionsSection } from '../../model/cv.js';
import { richLines, type SectionSpec } from '../context.js';
import { displayText, optionalText, textList, urlString } from '../field-schemas.js';

const positionItem = z.strictObject({
  place: displayText,
  title: optionalText,
  location: optionalText,
  dates: optionalText,
  inline_detail: optionalText,
  details: textList,
  url: urlString,
  area: optionalText,
  advisor: optionalText,
});
const positionsSchema = z.array(positionItem);
export const positionsSection: SectionSpec<PositionsSection, typeof positionsSchema> = {
  type: 'positions',
  description: 'Jobs, internships, current position: place, title, location, dates, inline_detail, details.',
  schema: positionsSchema,
  resolve: (items, ctx) => ({
    type: 'positions',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((p, i) => {
      const url = ctx.url(p.url, [i, 'url']);
      const place = ctx.rich(p.place, [i, 'place']);
      return {
        place: url ? [{ type: 'link', url, children: place }] : place,
        title: ctx.rich(p.title, [i, 'title']),
        location: ctx.rich(p.location, [i, 'location']),
        dates: ctx.rich(p.dates, [i, 'dates']),
        inlineDetail: ctx.rich(p.inline_detail, [i, 'inline_detail']),
        details: [
          ...richLines(p.details, [i, 'details'], ctx),
          ...(p.area ? [ctx.rich(`Area: ${p.area}`, [i, 'area'])] : []),
          ...(p.advisor ? [ctx.rich(`Advisor: ${p.advisor}`, [i, 'advisor'])] : []),
        ],
      };
    }),
  }),
};
