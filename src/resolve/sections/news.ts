/** The `news` section: the schema of its YAML value and its resolver into the model. */

import { z } from 'zod';
import type { NewsSection } from '../../model/cv.js';
import { type SectionSpec, unknownLines, withExtras } from '../context.js';
import { optionalText, urlString } from '../field-schemas.js';

const newsItem = z.strictObject({
  date: optionalText,
  info: optionalText,
  text: optionalText,
  url: urlString,
});
const newsSchema = z.array(newsItem);
export const newsSection: SectionSpec<NewsSection, typeof newsSchema> = {
  type: 'news',
  description: 'Dated news items (web targets).',
  schema: newsSchema,
  showsUnknownKeys: true,
  resolve: (items, ctx) => ({
    type: 'news',
    key: ctx.key,
    position: ctx.position([]),
    items: items.map((item, i) => {
      const text = ctx.rich(item.info ?? item.text, [
        i,
        item.info !== undefined && item.info !== null ? 'info' : 'text',
      ]);
      const url = ctx.url(item.url, [i, 'url']);
      return {
        date: ctx.rich(item.date, [i, 'date']),
        text: withExtras(url ? [{ type: 'link', url, children: text }] : text, unknownLines([i], ctx)),
      };
    }),
  }),
};
