/**
 * A CV's language: the BCP 47 tag from `locale:` (`de`, `de-CH`, `pt-BR`, `zh-Hans`), the label table of
 * its language, and the forms `Intl` gives it (dates, month names, lists, plurals). Renderers and the
 * resolver ask `localeOf(cv.locale)`; an absent locale is English.
 */
import { formatLongDate, formatMonthYear } from '../util/dates.js';
import { fill, type Labels, type Plural } from './labels.js';
import { DEFAULT_LANGUAGE, LABEL_TABLES } from './tables.js';

export interface Locale {
  /** The canonical tag (`de-CH`); `en` for English and for every locale vita has no table for. */
  readonly tag: string;
  /** The language subtag (`de`), the key of the label table. */
  readonly language: string;
  readonly labels: Labels;
}

/** The languages vita has labels for, in the order the docs list them. */
export const KNOWN_LANGUAGES: readonly string[] = Object.keys(LABEL_TABLES);

/** Tags already canonicalized: every mapping key of the YAML is asked about, most of them many times. */
const CANONICAL = new Map<string, string | undefined>();
const CANONICAL_MAX = 10_000;

/** The canonical form of a BCP 47 tag, or undefined when it is not one (`Intl.getCanonicalLocales`). */
export function canonicalTag(tag: string): string | undefined {
  if (CANONICAL.has(tag)) return CANONICAL.get(tag);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    canonical = undefined;
  }
  if (CANONICAL.size < CANONICAL_MAX) CANONICAL.set(tag, canonical);
  return canonical;
}

/** The language subtag of a tag (`pt-BR` -> `pt`), lower-case. */
export function languageOf(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** Whether vita has labels for the tag's language. */
export function isKnownLocale(tag: string): boolean {
  const canonical = canonicalTag(tag);
  return canonical !== undefined && Object.hasOwn(LABEL_TABLES, languageOf(canonical));
}

const CACHE = new Map<string, Locale>();

/** The locale of a tag; an absent, invalid or unknown one is English (the resolver warns about it). */
export function localeOf(tag: string | undefined): Locale {
  const key = tag ?? DEFAULT_LANGUAGE;
  let locale = CACHE.get(key);
  if (locale === undefined) {
    const canonical = canonicalTag(key);
    const language = canonical === undefined ? undefined : languageOf(canonical);
    locale =
      canonical !== undefined && language !== undefined && Object.hasOwn(LABEL_TABLES, language)
        ? { tag: canonical, language, labels: LABEL_TABLES[language] as Labels }
        : { tag: DEFAULT_LANGUAGE, language: DEFAULT_LANGUAGE, labels: LABEL_TABLES.en as Labels };
    CACHE.set(key, locale);
  }
  return locale;
}

/** A counted label: the form of `n`'s plural category, with `{n}` filled in (as `shown`, when given). */
export function plural(forms: Plural, n: number, locale: Locale, shown: string = String(n)): string {
  const category = new Intl.PluralRules(locale.tag).select(n);
  const form = forms[category] ?? forms.other;
  return fill(form, { n: shown });
}

/** "Last updated on November 5, 2026" in the locale (its own order and month names). */
export function lastUpdatedText(now: Date, locale: Locale): string {
  return fill(locale.labels.lastUpdated, { date: formatLongDate(now, locale.tag) });
}

/** The text before and after `{date}` in the "last updated" line, for targets that mark the date up. */
export function lastUpdatedParts(locale: Locale): readonly [string, string] {
  const [before = '', after = ''] = locale.labels.lastUpdated.split('{date}');
  return [before, after];
}

/** The separators of a list in running text: between two items, between items, before the last one. */
export interface ListSeparators {
  readonly pair: string;
  readonly middle: string;
  readonly last: string;
}

/**
 * What `Intl.ListFormat` gives for the default language, written out: the first ListFormat of a process loads
 * ICU's list data, ~15-20 ms of a ~400 ms build (test/locale/labels.test.ts checks these against Intl).
 */
export const KNOWN_SEPARATORS: ReadonlyMap<string, ListSeparators> = new Map(
  ['en', 'en-US'].map((tag) => [tag, { pair: ' and ', middle: ', ', last: ', and ' }]),
);

const SEPARATORS = new Map<string, ListSeparators>(KNOWN_SEPARATORS);

/** The separators `Intl.ListFormat` puts between items of a list in `tag`'s language. */
export function intlListSeparators(tag: string): ListSeparators {
  const format = new Intl.ListFormat(tag, { type: 'conjunction' });
  const literals = (items: string[]) =>
    format
      .formatToParts(items)
      .filter((p) => p.type === 'literal')
      .map((p) => p.value);
  const [pair = ' and '] = literals(['a', 'b']);
  const [middle = ', ', last = ', and '] = literals(['a', 'b', 'c']);
  return { pair, middle, last };
}

/** `A and B`, `A, B, and C` in English; `A und B`, `A, B und C` in German (`Intl.ListFormat`). */
export function listSeparators(locale: Locale): ListSeparators {
  let found = SEPARATORS.get(locale.tag);
  if (found === undefined) {
    found = intlListSeparators(locale.tag);
    SEPARATORS.set(locale.tag, found);
  }
  return found;
}

// ------------------------------------------------------------------ dates written in the YAML

const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MONTH_NAME =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)(\.?)\s+(\d{4})\b/gi;
const OPEN_END = /\b(present|now|current|today|ongoing)\b/gi;

/**
 * A date as the YAML writes it (`Mar 2024 - present`) in the locale's words: an English month and year
 * becomes the locale's month and year (`März 2024`, `2024年3月`; an abbreviated month stays abbreviated),
 * and `present`/`now`/`current`/`today`/`ongoing` its word for an open end. Anything else is kept as
 * written: years, ranges, free text, and `2011-12` (an academic year as often as a month).
 */
export function localizeDateText(text: string, locale: Locale): string {
  return text
    .replace(MONTH_NAME, (_whole, name: string, _dot: string, year: string) => {
      const lower = name.toLowerCase();
      const month = MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
      const style = lower.length <= 4 ? 'short' : 'long';
      return formatMonthYear(Number(year), month, locale.tag, style);
    })
    .replace(OPEN_END, (word: string) => capitalizedLike(word, locale.labels.present));
}

/** `replacement` with a capital first letter when `word` has one (`Present` -> `Heute`). */
function capitalizedLike(word: string, replacement: string): string {
  const first = word.charAt(0);
  return first !== first.toLowerCase()
    ? replacement.charAt(0).toLocaleUpperCase() + replacement.slice(1)
    : replacement;
}
