/**
 * Dates as CVs print them, through `Intl.DateTimeFormat`. Always UTC, so a build is the same wherever it
 * runs; English unless a locale is given.
 */
const LONG_DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * "November 5, 2026": the "Last updated on" line (the original zero-padded the day; we do not). Another
 * locale gives its own order and month names (`de`: "5. November 2026").
 */
export function formatLongDate(date: Date, locale = 'en'): string {
  // English, the default, without Intl: creating the first Intl.DateTimeFormat loads ICU's locale and
  // time-zone data, ~12 ms of every build's start-up for one line of text. Same text (test/util/dates.test.ts).
  const year = date.getUTCFullYear();
  if (locale === 'en' && year >= 1000 && year <= 9999)
    return `${ENGLISH_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`;
  let format = LONG_DATE_FORMATS.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    LONG_DATE_FORMATS.set(locale, format);
  }
  return format.format(date);
}

const MONTH_YEAR_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * A month of a year in the locale: `March 2024` / `Mar 2024` (`style` short) in English, `März 2024`,
 * `2024年3月`. `month` is 0-based.
 */
export function formatMonthYear(
  year: number,
  month: number,
  locale: string,
  style: 'long' | 'short',
): string {
  const key = `${locale} ${style}`;
  let format = MONTH_YEAR_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, timeZone: 'UTC' });
    MONTH_YEAR_FORMATS.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, month, 1)));
}

/**
 * The build date: `--date YYYY-MM-DD`, else SOURCE_DATE_EPOCH (seconds; reproducible builds), else now.
 * Returns undefined for an unparseable value so the caller can report it.
 */
export function resolveBuildDate(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  clock: () => Date,
): Date | undefined {
  if (option !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(option)) return undefined;
    const d = new Date(option.length === 10 ? `${option}T00:00:00Z` : option);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) return undefined;
    return new Date(Number(epoch) * 1000);
  }
  return clock();
}
