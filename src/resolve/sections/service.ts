/**
 * The `service` section: the schema of its YAML value and its resolver into the model. bamos/cv wrote
 * `{title, details}` entries from 2018 to 2019 ("Reviewer": "ICML 2018, ..."); they show as
 * "Reviewer: ICML 2018, ...". Forks' `{role, organization, dates}` read the same way.
 */

import { z } from 'zod';
import type { RichText, ServiceGroup, ServiceItem, ServiceSection } from '../../model/cv.js';
import { readableKey } from '../../util/readable-key.js';
import { type RelativePath, type SectionSpec, unknownLines, withExtras } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';
import { alias, firstOf } from './shapes.js';

const serviceObject = z.strictObject({
  details: optionalText,
  sub_details: optionalText,
  year: optionalText,
  url: urlString,
  title: optionalText.meta({ description: 'A label shown before the details ("Reviewer: ...").' }),
  role: alias('title'),
  position: alias('title'),
  organization: alias('details'),
  name: alias('details'),
  description: alias('sub_details'),
  dates: alias('year'),
  date: alias('year'),
});
const serviceItem = z.union([displayText, serviceObject]);
const serviceSchema = z.union([
  z.array(serviceItem),
  z.record(z.string(), z.union([z.array(serviceItem), z.null()])),
]);
export const serviceSection: SectionSpec<ServiceSection, typeof serviceSchema> = {
  type: 'service',
  description:
    'Service: a list of items (details, sub_details, year, url; older: title and details) or named groups of them (main, reviewer, ...).',
  schema: serviceSchema,
  showsUnknownKeys: true,
  resolve: (value, ctx) => {
    const resolveItems = (items: z.output<typeof serviceItem>[], path: RelativePath): ServiceItem[] =>
      items.map((item, i) => {
        if (typeof item === 'string')
          return { details: ctx.rich(item, [...path, i]), subDetails: [], year: [] };
        const at = [...path, i];
        const label = firstOf(item, ['title', 'role', 'position']);
        const main = firstOf(item, ['details', 'organization', 'name']);
        const sub = firstOf(item, ['sub_details', 'description']);
        const when = firstOf(item, ['year', 'dates', 'date']);
        let details: RichText = main ? ctx.rich(main.value, [...at, main.key]) : [];
        if (label) {
          const labelText = ctx.rich(label.value, [...at, label.key]);
          details =
            details.length > 0 ? [...labelText, { type: 'text', value: ': ' }, ...details] : labelText;
        }
        return {
          details,
          subDetails: withExtras(sub ? ctx.rich(sub.value, [...at, sub.key]) : [], unknownLines(at, ctx)),
          year: when ? ctx.rich(when.value, [...at, when.key]) : [],
          url: ctx.url(item.url, [...at, 'url']),
        };
      });
    const groups: ServiceGroup[] = Array.isArray(value)
      ? [{ key: null, title: null, items: resolveItems(value, []) }]
      : Object.entries(value).map(([key, items]) => ({
          key,
          title: key === 'main' ? null : [{ type: 'text', value: readableKey(key) }],
          items: resolveItems(items ?? [], [key]),
        }));
    return { type: 'service', key: ctx.key, position: ctx.position([]), groups };
  },
};
