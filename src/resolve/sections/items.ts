/**
 * The generic renderer's data for a section of unknown type: a list of strings, or of maps whose fields are
 * shown in order. Nothing is rejected here; the registry warns that the type is unknown.
 */
import { z } from 'zod';
import type { GenericItem, ItemsSection, RichText } from '../../model/cv.js';
import type { RelativePath, ResolveContext, SectionSpec } from '../context.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const itemSchema = z.union([scalar, z.record(z.string(), z.unknown()), z.array(z.unknown())]);
const itemsSchema = z.union([z.array(itemSchema), z.record(z.string(), z.unknown()), scalar]);

const asText = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map(asText)
      .filter((v) => v !== undefined)
      .join(', ');
  return undefined;
};

function resolveItem(value: unknown, path: RelativePath, ctx: ResolveContext): GenericItem {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields: { key: string; value: RichText }[] = [];
    for (const [key, v] of Object.entries(value)) {
      const text = asText(v);
      if (text !== undefined) fields.push({ key, value: ctx.rich(text, [...path, key]) });
    }
    return { text: [], fields };
  }
  return { text: ctx.rich(asText(value), path), fields: [] };
}

export const itemsSection: SectionSpec<ItemsSection, typeof itemsSchema> = {
  type: 'items',
  description: 'Any other section: a list of strings or of maps, shown field by field.',
  schema: itemsSchema,
  resolve: (value, ctx) => {
    let items: GenericItem[];
    if (Array.isArray(value)) items = value.map((v, i) => resolveItem(v, [i], ctx));
    else if (value !== null && typeof value === 'object')
      items = Object.entries(value).map(([k, v]) => ({
        text: ctx.rich(k, [k]),
        fields: [{ key: k, value: ctx.rich(asText(v), [k]) }],
      }));
    else items = value === null ? [] : [resolveItem(value, [], ctx)];
    return { type: 'items', key: ctx.key, position: ctx.position([]), items };
  },
};
