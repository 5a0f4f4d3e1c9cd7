/**
 * Dates as cv.yaml writes them (free text: `2014 -- 2019`, `May 2018 -- present`, `2013-12-01`) to the ISO
 * dates JSON Resume requires (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). Text that holds no recognisable date
 * gives no date rather than a wrong one.
 */

export interface DateRange {
  readonly startDate?: string;
  readonly endDate?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ONGOING = /^(present|now|current|today|ongoing)$/i;

/** Splits a range on an en or em dash (`--` in the YAML), a spaced hyphen, or the word "to". */
const RANGE_SEPARATOR = /\s*[–—]\s*|\s+-\s+|\s+to\s+/i;

const pad = (n: number): string => String(n).padStart(2, '0');

/** One date in ISO form, or undefined. */
export function isoDate(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (iso) {
    const month = iso[2] === undefined ? undefined : Number(iso[2]);
    const day = iso[3] === undefined ? undefined : Number(iso[3]);
    if (month !== undefined && (month < 1 || month > 12)) return iso[1];
    if (day !== undefined && (day < 1 || day > 31)) return `${iso[1]}-${iso[2]}`;
    return value;
  }
  const monthYear = /^([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(value);
  if (monthYear?.[1] && monthYear[2]) {
    const month = MONTHS.indexOf(monthYear[1].slice(0, 3).toLowerCase());
    return month < 0 ? monthYear[2] : `${monthYear[2]}-${pad(month + 1)}`;
  }
  const numeric = /^(\d{1,2})\/(\d{4})$/.exec(value);
  if (numeric?.[1] && numeric[2] && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) {
    return `${numeric[2]}-${pad(Number(numeric[1]))}`;
  }
  return /\b(1[5-9]\d{2}|2\d{3})\b/.exec(value)?.[1];
}

/** `2014 -- 2019` -> 2014..2019; `2018` -> 2018..2018; `2020 -- present` -> from 2020, no end. */
export function dateRange(text: string): DateRange {
  // `2014-2019`: a hyphen between two years is a range, not an ISO date.
  const value = text.trim().replace(/^(\d{4})\s*-\s*(\d{4})$/, '$1 – $2');
  if (value === '') return {};
  const parts = value.split(RANGE_SEPARATOR);
  if (parts.length === 1) {
    const date = isoDate(value);
    return date === undefined ? {} : { startDate: date, endDate: date };
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const startDate = isoDate(first);
  const endDate = ONGOING.test(last.trim()) ? undefined : isoDate(last);
  return { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
}

/** The dates of a range as cv.yaml text: `start -- end`, one date when they are equal, `start -- present`. */
export function rangeText(startDate: string | undefined, endDate: string | undefined): string | undefined {
  if (startDate && endDate) return startDate === endDate ? startDate : `${startDate} -- ${endDate}`;
  if (startDate) return `${startDate} -- present`;
  if (endDate) return `-- ${endDate}`;
  return undefined;
}
