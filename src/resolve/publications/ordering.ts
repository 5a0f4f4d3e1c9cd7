/** Sorting, grouping by year and numbering of a publication list, as the original did them. */
import type { Publication, PublicationGroup } from '../../model/cv.js';
import { isPendingYear } from './fields.js';

export type Numbering = 'descending' | 'ascending';

/**
 * Where an entry's year puts it: 0 a paper not out yet (`to appear`, `in press`, `submitted`: newest,
 * first), 1 a year (`2020`), 2 other text with no year in it (after every year), 3 no year at all (last).
 */
export function yearRank(item: { readonly year: string; readonly yearNumber: number | undefined }): number {
  if (item.yearNumber !== undefined) return 1;
  if (item.year.trim() === '') return 3;
  return isPendingYear(item.year) ? 0 : 2;
}

/**
 * Newest first, stable (entries of one year keep their order in the file). Papers not out yet (`to
 * appear`) come first; text with no year in it after every year; entries without a year last.
 */
export function sortByYear<T extends { readonly year: string; readonly yearNumber: number | undefined }>(
  items: readonly T[],
): T[] {
  return [...items].sort((a, b) => {
    const ra = yearRank(a);
    const rb = yearRank(b);
    if (ra !== rb) return ra - rb;
    if (ra !== 1) return 0;
    return (b.yearNumber as number) - (a.yearNumber as number);
  });
}

/** The heading of the group of entries without a year. */
export const UNDATED_HEADING = 'Undated';

/** The words of the year groups, in the CV's language (`{year}` in `andEarlier`). */
export interface YearGroupLabels {
  readonly undated: string;
  readonly andEarlier: string;
}

const ENGLISH_GROUPS: YearGroupLabels = { undated: UNDATED_HEADING, andEarlier: '{year} and earlier' };

/** The heading of the group an entry falls in: its year, or `<cutoff> and earlier`. */
export function yearGroupHeading(
  item: { readonly year: string; readonly yearNumber: number | undefined },
  cutoff: number,
  labels: YearGroupLabels = ENGLISH_GROUPS,
): string {
  if (item.yearNumber === undefined) return item.year.trim() === '' ? labels.undated : item.year;
  return item.yearNumber <= cutoff
    ? labels.andEarlier.replace('{year}', String(cutoff))
    : String(item.yearNumber);
}

/**
 * Consecutive entries with the same heading form a group (as `itertools.groupby` did: sort first to get
 * one group per year). Years up to `cutoff` share the group `<cutoff> and earlier`.
 */
export function groupByYear<T extends { readonly year: string; readonly yearNumber: number | undefined }>(
  items: readonly T[],
  cutoff: number,
  labels: YearGroupLabels = ENGLISH_GROUPS,
): { heading: string; items: T[] }[] {
  const groups: { heading: string; items: T[] }[] = [];
  for (const item of items) {
    const heading = yearGroupHeading(item, cutoff, labels);
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.items.push(item);
    else groups.push({ heading, items: [item] });
  }
  return groups;
}

/**
 * The number shown for the `index`-th entry (0-based, in display order) of a list of `count`:
 * descending gives the first shown entry the highest number; ascending numbers from 1.
 */
export function publicationNumber(index: number, count: number, numbering: Numbering): number {
  return numbering === 'descending' ? count - index : index + 1;
}

/** Numbers the groups continuously across headings, with the list's prefix: `[C3]`. */
export function numberGroups(
  groups: readonly { readonly heading: string | null; readonly items: readonly Publication[] }[],
  prefix: string,
  numbering: Numbering,
): PublicationGroup[] {
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  let index = 0;
  return groups.map((group) => ({
    heading: group.heading,
    publications: group.items.map((p) => ({
      ...p,
      label: `${prefix}${publicationNumber(index++, count, numbering)}`,
    })),
  }));
}

/**
 * An id-safe anchor for an entry (`[A-Za-z0-9_-]` only, so it is safe in an id, a CSS selector and a
 * JavaScript string), unique among `used`. `amos2020differentiable` stays as it is.
 */
export function anchorFor(key: string, prefix: string, used: Set<string>): string {
  const base = `${key}${prefix}`.replace(/[^A-Za-z0-9_-]/g, '-') || 'pub';
  let anchor = base;
  for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
  used.add(anchor);
  return anchor;
}
