/**
 * Pieces the section schemas share for older shapes and forks' names of the same fields: the alias keys
 * (`company` for `place`, `date` for `dates`, `startDate`/`endDate`, ...) and how they fold into one value.
 */
import { z } from 'zod';
import { optionalText, textList } from '../field-schemas.js';

/** An alias key: accepted as text, described for the editor schema. */
export const alias = (of: string) => optionalText.meta({ description: `Another name for \`${of}\`.` });

/** Keys that give a date range in forks and JSON Resume (`start_date`/`end_date`, `startDate`/`endDate`). */
export const dateRangeKeys = {
  date: alias('dates'),
  start: alias('dates (its start)'),
  end: alias('dates (its end)'),
  start_date: alias('dates (its start)'),
  end_date: alias('dates (its end)'),
  startDate: alias('dates (its start)'),
  endDate: alias('dates (its end)'),
};

type Maybe = string | null | undefined;

/** The first value that is given (text, not empty), with the key it came from. */
export function firstOf<T extends object, K extends keyof T & string>(
  item: T,
  keys: readonly K[],
): { value: string; key: K } | undefined {
  for (const key of keys) {
    const v = item[key];
    if (typeof v === 'string' && v !== '') return { value: v, key };
  }
  return undefined;
}

/** `dates`, else `date`, else `start -- end` (an open end reads `start -- Present`, as forks write it). */
export function datesOf(item: {
  dates?: Maybe;
  date?: Maybe;
  start?: Maybe;
  end?: Maybe;
  start_date?: Maybe;
  end_date?: Maybe;
  startDate?: Maybe;
  endDate?: Maybe;
}): { value: string; key: string } | undefined {
  const single = firstOf(item, ['dates', 'date']);
  if (single) return single;
  const start = firstOf(item, ['start', 'start_date', 'startDate']);
  const end = firstOf(item, ['end', 'end_date', 'endDate']);
  if (start && end) return { value: `${start.value} -- ${end.value}`, key: start.key };
  if (start) return { value: `${start.value} -- Present`, key: start.key };
  if (end) return end;
  return undefined;
}

/** Detail lines under another name (`highlights`, `description`, `summary`): one line or a list. */
export const detailList = (of = 'details') => textList.meta({ description: `Another name for \`${of}\`.` });

/** A list of entries, or a mapping of named entries (bamos/cv's old `projects: {github: {...}}`). */
export const listOrNamed = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), z.record(z.string(), item)]);
