/**
 * A sparse CV for the punctuation checks: every item of every section of the test CV, once with every
 * optional field absent, then once per field with that field alone present. Built from the model
 * generically (any rich-text, list, URL or number field), so a field added later is covered too.
 */
import type { Cv, Publication, Section } from '../../src/model/cv.js';

type Loose = Record<string, unknown>;

const isInline = (value: unknown): boolean =>
  Array.isArray(value) && value.every((n) => typeof n === 'object' && n !== null && 'type' in n);

/** The value a field takes when it is absent: empty rich text or list, no URL or number, an empty string. */
function absent(key: string, value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'number' || /url|homepage|doi|arxiv|image/i.test(key)) return undefined;
  if (typeof value === 'string') return '';
  return value;
}

/** The fields that can be absent: rich text, lists and optional scalars (not keys and flags). */
function optionalKeys(item: Loose, keep: readonly string[]): string[] {
  return Object.keys(item).filter(
    (key) =>
      !keep.includes(key) &&
      (Array.isArray(item[key]) || typeof item[key] === 'string' || typeof item[key] === 'number'),
  );
}

/** The item with every field absent, then the item with each field alone. */
function variants<T>(item: T, keep: readonly string[] = []): T[] {
  const loose = item as Loose;
  const keys = optionalKeys(loose, keep);
  const empty: Loose = { ...loose };
  for (const key of keys) empty[key] = absent(key, loose[key]);
  const out = [empty as T];
  for (const key of keys) {
    const value = loose[key];
    const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
    if (present && (isInline(value) || Array.isArray(value) || typeof value === 'string'))
      out.push({ ...empty, [key]: value } as T);
  }
  return out;
}

const PUBLICATION_KEEP = ['key', 'entryType', 'label', 'bibtex', 'yearNumber'];

function sparseSection(section: Section): Section {
  switch (section.type) {
    case 'about':
      return section;
    case 'publications':
      return {
        ...section,
        legend: undefined,
        venueSummary: [],
        lists: section.lists.map((list) => ({
          ...list,
          groups: list.groups.map((g) => ({
            ...g,
            publications: g.publications.flatMap((p) => variants<Publication>(p, PUBLICATION_KEEP)),
          })),
        })),
      };
    case 'service':
      return {
        ...section,
        groups: section.groups.map((g) => ({ ...g, items: g.items.flatMap((i) => variants(i)) })),
      };
    case 'coursework':
      return section;
    case 'generic':
      return {
        ...section,
        groups: section.groups.map((g) => ({ ...g, rows: g.rows.flatMap((r) => variants(r)) })),
      };
    default: {
      const items = (section as { items: readonly unknown[] }).items.flatMap((i) => variants(i, ['key']));
      return { ...section, items } as Section;
    }
  }
}

/** The CV with every section made sparse as described above. */
export function sparseCv(cv: Cv): Cv {
  return { ...cv, sections: new Map([...cv.sections].map(([key, s]) => [key, sparseSection(s)])) };
}

/**
 * Punctuation a reader should never see: a line or a text starting with a comma, a period after ? or !,
 * doubled or orphaned separators, empty brackets.
 */
export const BAD_PUNCTUATION: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'leading punctuation', pattern: /(?:^|\n)[ \t]*[,;:.](?!\.\.)/ },
  { name: 'period after ? or !', pattern: /[?!][”’"')\]]?\./ },
  { name: 'doubled comma', pattern: /,\s*,/ },
  { name: 'comma then period', pattern: /,\s*\./ },
  { name: 'doubled semicolon', pattern: /;\s*;/ },
  { name: 'space before a comma or semicolon', pattern: / [,;]/ },
  { name: 'empty brackets', pattern: /\(\s*\)|\[\s*\]/ },
  { name: 'doubled period', pattern: /[^.]\.\.(?!\.)/ },
];

/** The bad punctuation found in a text, each with a little context. */
export function badPunctuation(text: string): string[] {
  const found: string[] = [];
  for (const { name, pattern } of BAD_PUNCTUATION) {
    const global = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(global)) {
      const at = m.index ?? 0;
      found.push(`${name}: …${text.slice(Math.max(0, at - 40), at + 20).replace(/\n/g, '⏎')}…`);
    }
  }
  return found;
}
