/**
 * Variants: several CVs from one file. `variants:` names them; each selects sections (by `tags:`, by
 * `sections:`, by `display-<name>` in the order), entries (by their `tags:` and by `since:`) and
 * publications (`selected_only:`, `since:`, the `tags` field of a BibTeX entry), and may set its own
 * `order`, `theme` and `locale`. The rules are in docs/formats.md ("Variants").
 *
 * A variant is applied to the YAML before it is resolved: left-out entries are removed from their lists
 * (positions still point at the file as written), the `tags:` of entries and the variants' own order
 * flags are taken out, so the section schemas never see them. The full CV (no variant) gets the same
 * clean-up and keeps everything.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { YamlPath } from '../load/yaml-source.js';
import type { MergedYaml } from './merged-yaml.js';
import { PARSE_CONTEXT } from './schema-issues.js';
import { DATE_KEYS } from './sections/generic.js';
import { TOP_LEVEL_KEYS, type variantSchema, variantsSchema } from './top-level.js';

export type VariantConfig = NonNullable<import('zod').output<typeof variantSchema>>;

/** What the publications section keeps in a variant (resolve/sections/publications.ts). */
export interface PublicationFilter {
  readonly tags?: readonly string[] | undefined;
  readonly selectedOnly: boolean;
  readonly since?: number | undefined;
}

/** The variants declared in the file, by name (invalid ones are reported by the top-level schema). */
export function declaredVariants(data: Readonly<Record<string, unknown>>): Map<string, VariantConfig> {
  const parsed = variantsSchema.safeParse(data.variants, PARSE_CONTEXT);
  const out = new Map<string, VariantConfig>();
  if (!parsed.success || !parsed.data) return out;
  for (const [name, config] of Object.entries(parsed.data)) out.set(name, config ?? {});
  return out;
}

const ORDER_KEYS = ['order', 'order_md', 'order_latex'] as const;
const DATE_FIELDS = new Set<string>([...DATE_KEYS, 'startDate', 'endDate']);
const OPEN_END = /\b(present|now|current|today|ongoing)\b/i;

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A `tags:` value as a list of strings (`tags: short` is one tag), or undefined when it is not one. */
function tagList(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
  if (Array.isArray(value) && value.every((t) => typeof t === 'string' || typeof t === 'number'))
    return value.map((t) => String(t).trim());
  return undefined;
}

/** The latest year an entry names in its date fields; Infinity for an open end (`present`). */
function latestYear(entry: Record<string, unknown>): number | undefined {
  let latest: number | undefined;
  for (const [key, value] of Object.entries(entry)) {
    if (!DATE_FIELDS.has(key) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    const text = String(value);
    if (OPEN_END.test(text)) return Number.POSITIVE_INFINITY;
    for (const match of text.matchAll(/\b(1[89]\d\d|2\d\d\d)\b/g))
      latest = Math.max(latest ?? 0, Number(match[1]));
  }
  return latest;
}

export interface AppliedVariant {
  readonly yaml: MergedYaml;
  /** For the publications sections; undefined for the full CV. */
  readonly publications?: PublicationFilter | undefined;
  /** The variant's theme and locale, where it sets them. */
  readonly theme?: string | undefined;
}

/**
 * The YAML of one variant (`name`), or of the full CV (`name` undefined). An unknown name is reported by
 * the caller (the CLI), which knows the declared names.
 */
export function applyVariant(
  merged: MergedYaml,
  name: string | undefined,
  bag: DiagnosticBag,
): AppliedVariant {
  const variants = declaredVariants(merged.data);
  const variant = name === undefined ? undefined : variants.get(name);
  const tags = variant?.tags ?? undefined;
  const shares = (own: readonly string[]) => tags === undefined || own.some((t) => tags.includes(t));
  const rewrites = new Map<string, YamlPath>();
  let ownOrder = false;
  const data: Record<string, unknown> = {};

  // Entries: kept when their tags share one with the variant's and their latest year is not before `since`.
  const sectionTagged = new Set<string>();
  const keepEntry = (entry: Record<string, unknown>, section: string): boolean => {
    const own = tagList(entry.tags);
    if (variant !== undefined && own !== undefined) {
      if (!shares(own)) return false;
      if (tags !== undefined) sectionTagged.add(section);
    }
    if (variant?.since !== undefined && variant.since !== null) {
      const year = latestYear(entry);
      if (year !== undefined && year < variant.since) return false;
    }
    return true;
  };
  const filter = (value: unknown, path: YamlPath, oldPath: YamlPath, section: string): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((item, i) => {
        if (isMapping(item) && !keepEntry(item, section)) return;
        const newPath = [...path, out.length];
        if (out.length !== i) rewrites.set(JSON.stringify(newPath), [...oldPath, i]);
        out.push(filter(item, newPath, [...oldPath, i], section));
      });
      return out;
    }
    if (isMapping(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'tags' && tagList(v) !== undefined) continue;
        out[k] = filter(v, [...path, k], [...oldPath, k], section);
      }
      return out;
    }
    return value;
  };
  for (const [key, value] of Object.entries(merged.data)) {
    data[key] = TOP_LEVEL_KEYS.has(key) ? value : filter(value, [key], [key], key);
  }

  // Sections: from the order entries' `tags:` and `display-<name>`, `sections:`, and tagged entries.
  const flags = new Set([...variants.keys()].map((v) => `display-${v}`));
  const chosen = new Set<string>(variant?.sections ?? []);
  const dropped = new Set<string>();
  const cleanOrder = (order: unknown): unknown => {
    if (!Array.isArray(order)) return order;
    return order.map((entry) => {
      if (!isMapping(entry)) return entry;
      const key = ['tag', 'key', 'section', 'id'].map((f) => entry[f]).find((v) => typeof v === 'string');
      const out: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(entry)) {
        const flag = field.toLowerCase().replace(/_/g, '-');
        if (field === 'tags' && tagList(value) !== undefined) {
          if (typeof key === 'string' && tags !== undefined && shares(tagList(value) ?? [])) chosen.add(key);
          continue;
        }
        if (flags.has(flag)) {
          if (typeof key === 'string' && name !== undefined && flag === `display-${name}`) {
            if (/^(no|n|false|off|0)$/i.test(String(value).trim())) dropped.add(key);
            else chosen.add(key);
          }
          continue;
        }
        out[field] = value;
      }
      return out;
    });
  };
  for (const key of ORDER_KEYS) if (key in data) data[key] = cleanOrder(data[key]);
  if (variant?.order !== undefined && variant.order !== null) {
    data.order = cleanOrder(variant.order);
    delete data.order_md;
    delete data.order_latex;
    ownOrder = true;
  }
  for (const key of sectionTagged) chosen.add(key);

  if (
    variant !== undefined &&
    (chosen.size > 0 || dropped.size > 0 || tags !== undefined || variant.sections)
  ) {
    const keep = (key: unknown) =>
      typeof key !== 'string' ||
      key === 'NEWPAGE' ||
      ((chosen.size === 0 || chosen.has(key)) && !dropped.has(key));
    const entryKey = (entry: unknown): unknown =>
      Array.isArray(entry)
        ? entry[0]
        : isMapping(entry)
          ? ['tag', 'key', 'section', 'id'].map((f) => entry[f]).find((v) => typeof v === 'string')
          : entry;
    const anyOrder = ORDER_KEYS.some((k) => Array.isArray(data[k]) || isMapping(data[k]));
    if (!anyOrder) data.order = merged.keyOrder.filter((k) => !TOP_LEVEL_KEYS.has(k));
    for (const key of ORDER_KEYS) {
      const order = data[key];
      if (isMapping(order)) data[key] = Object.entries(order).map(([k, v]) => [k, v]);
      const list = data[key];
      if (!Array.isArray(list)) continue;
      const out: unknown[] = [];
      list.forEach((entry, i) => {
        if (!keep(entryKey(entry))) return;
        if (out.length !== i) rewrites.set(JSON.stringify([key, out.length]), [key, i]);
        out.push(entry);
      });
      data[key] = out;
    }
    // The sections the variant leaves out are not "unused": they are in the file for the full CV.
    for (const key of merged.keyOrder) {
      if (TOP_LEVEL_KEYS.has(key) || keep(key)) continue;
      delete data[key];
    }
  }
  if (variant?.theme) data.theme = variant.theme;
  // The page of a variant links the variant's PDF: `pdf: cv.pdf` (as `vita build` names it) becomes
  // `cv-short.pdf`, as the build names that variant's PDF.
  if (name !== undefined && typeof data.pdf === 'string' && /(^|\/)cv\.pdf$/.test(data.pdf))
    data.pdf = data.pdf.replace(/cv\.pdf$/, `cv-${name}.pdf`);

  // A path of the new data -> the path in the file: the longest prefix that moved (a left-out entry before
  // it) gives its old path; then the variant's own `order` is where the variant writes it.
  const rewrite = (at: YamlPath): YamlPath => {
    let old = at;
    for (let i = at.length; i > 0; i--) {
      const moved = rewrites.get(JSON.stringify(at.slice(0, i)));
      if (moved !== undefined) {
        old = [...moved, ...at.slice(i)];
        break;
      }
    }
    return ownOrder && old[0] === 'order' ? ['variants', name as string, ...old] : old;
  };
  void bag;
  return {
    yaml: merged.derived(data, rewrite),
    publications:
      variant === undefined
        ? undefined
        : { tags, selectedOnly: variant.selected_only === true, since: variant.since ?? undefined },
    theme: variant?.theme ?? undefined,
  };
}
