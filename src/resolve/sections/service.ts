/** The `service` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { ServiceGroup, ServiceItem, ServiceSection } from '../../model/cv.js';
import { readableKey } from '../../util/readable-key.js';
import type { RelativePath, SectionSpec } from '../context.js';
import { displayText, optionalText, urlString } from '../field-schemas.js';

const serviceItem = z.union([
  displayText,
  z.strictObject({ details: displayText, sub_details: optionalText, year: optionalText, url: urlString }),
]);
const serviceSchema = z.union([
  z.array(serviceItem),
  z.record(z.string(), z.union([z.array(serviceItem), z.null()])),
]);
export const serviceSection: SectionSpec<ServiceSection, typeof serviceSchema> = {
  type: 'service',
  description:
    'Service: a list of items (details, sub_details, year, url) or named groups of them (main, reviewer, ...).',
  schema: serviceSchema,
  resolve: (value, ctx) => {
    const resolveItems = (items: z.output<typeof serviceItem>[], path: RelativePath): ServiceItem[] =>
      items.map((item, i) =>
        typeof item === 'string'
          ? { details: ctx.rich(item, [...path, i]), subDetails: [], year: [] }
          : {
              details: ctx.rich(item.details, [...path, i, 'details']),
              subDetails: ctx.rich(item.sub_details, [...path, i, 'sub_details']),
              year: ctx.rich(item.year, [...path, i, 'year']),
              url: ctx.url(item.url, [...path, i, 'url']),
            },
      );
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
