import { describe, expect, it } from 'vitest';
import { LINK_LABELS, linkWord } from '../../src/locale/labels.js';
import {
  canonicalTag,
  intlListSeparators,
  KNOWN_LANGUAGES,
  KNOWN_SEPARATORS,
  lastUpdatedText,
  listSeparators,
  localeOf,
  localizeDateText,
  plural,
} from '../../src/locale/locale.js';
import { LABEL_TABLES } from '../../src/locale/tables.js';

const ISSUE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'tr', 'ru', 'zh', 'ja', 'ko'];

/** Every string of a table with its path, for the placeholder checks. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, at === '' ? k : `${at}.${k}`));
  return [];
}

describe('the label tables', () => {
  it('cover the twelve languages of the issue', () => {
    expect([...KNOWN_LANGUAGES].sort()).toEqual([...ISSUE_LANGUAGES].sort());
  });

  it.each(ISSUE_LANGUAGES)('%s: every label is present and keeps its placeholders', (language) => {
    const table = LABEL_TABLES[language];
    if (table === undefined) throw new Error(`no table for ${language}`);
    for (const [at, value] of strings(table)) expect(value.trim(), `${language} ${at}`).not.toBe('');
    expect(table.lastUpdated).toContain('{date}');
    expect(table.page).toContain('{page}');
    expect(table.page).toContain('{total}');
    expect(table.andEarlier).toContain('{year}');
    expect(table.andMore).toContain('{n}');
    expect(table.citedBy).toContain('{n}');
    expect(table.publicationsIncluding).toContain('{n}');
    expect(table.publicationsIncluding).toContain('{venues}');
    for (const [at, form] of [...strings(table.citations), ...strings(table.papers)])
      expect(form, `${language} ${at}`).toContain('{n}');
    for (const [at, form] of [...strings(table.filter.count), ...strings(table.filter.shown)])
      expect(form, `${language} filter ${at}`).toContain('{n}');
    for (const [at, form] of strings(table.filter.shown))
      expect(form, `${language} filter.shown ${at}`).toContain('{shown}');
    for (const [at, form] of [...strings(table.search.shown), ...strings(table.search.sections)])
      expect(form, `${language} search ${at}`).toContain('{n}');
    for (const [at, form] of strings(table.search.shown))
      expect(form, `${language} search.shown ${at}`).toContain('{shown}');
    expect(table.search.none, `${language} search.none`).toContain('{query}');
    for (const key of ['ofPaper', 'copyBibtexOf', 'copyCitationOf'] as const)
      expect(table[key], `${language} ${key}`).toContain('{title}');
    for (const key of ['gpaValue', 'majorGpaValue'] as const)
      expect(table[key], `${language} ${key}`).toContain('{gpa}');
    expect(LINK_LABELS.map((label) => linkWord(table, label)).every((word) => word.trim() !== '')).toBe(true);
    // A section heading for every key English makes readable, in every other language.
    if (language !== 'en')
      expect(Object.keys(table.sections)).toEqual(Object.keys(LABEL_TABLES.de?.sections ?? {}));
  });

  it('differ from English in every other language (no copied table)', () => {
    for (const language of ISSUE_LANGUAGES.filter((l) => l !== 'en')) {
      expect(LABEL_TABLES[language]?.lastUpdated).not.toBe(LABEL_TABLES.en?.lastUpdated);
      expect(LABEL_TABLES[language]?.present).not.toBe(LABEL_TABLES.en?.present);
      expect(LABEL_TABLES[language]?.search.label).not.toBe(LABEL_TABLES.en?.search.label);
      expect(LABEL_TABLES[language]?.search.none).not.toBe(LABEL_TABLES.en?.search.none);
      expect(LABEL_TABLES[language]?.publicationTypes).not.toEqual(LABEL_TABLES.en?.publicationTypes);
    }
  });
});

describe('localeOf', () => {
  it('keeps the canonical tag and finds the language', () => {
    expect(localeOf('de-ch')).toMatchObject({ tag: 'de-CH', language: 'de' });
    expect(localeOf('pt-BR').labels.present).toBe('atual');
    expect(localeOf(undefined)).toMatchObject({ tag: 'en', language: 'en' });
  });

  it('falls back to English for a language without a table, or a string that is no tag', () => {
    expect(localeOf('sv').tag).toBe('en');
    expect(localeOf('not a tag!').labels).toBe(LABEL_TABLES.en);
    expect(canonicalTag('not a tag!')).toBeUndefined();
  });
});

describe('dates and words from Intl', () => {
  const now = new Date(Date.UTC(2024, 2, 5));

  it('writes the "last updated" line in the locale', () => {
    expect(lastUpdatedText(now, localeOf('en'))).toBe('Last updated on March 5, 2024');
    expect(lastUpdatedText(now, localeOf('de'))).toBe('Zuletzt aktualisiert am 5. März 2024');
    expect(lastUpdatedText(now, localeOf('ja'))).toBe('最終更新日：2024年3月5日');
  });

  it('translates month names and the open end of a written date', () => {
    expect(localizeDateText('Mar 2024 -- present', localeOf('de'))).toBe('März 2024 -- heute');
    expect(localizeDateText('March 2024 - Present', localeOf('de'))).toBe('März 2024 - Heute');
    expect(localizeDateText('March 2024', localeOf('zh'))).toBe('2024年3月');
    expect(localizeDateText('Sep 2019 – now', localeOf('ja'))).toBe('2019年9月 – 現在');
    expect(localizeDateText('September 2019', localeOf('fr'))).toBe('septembre 2019');
    expect(localizeDateText('May 2020', localeOf('ru'))).toMatch(/^май 2020/);
  });

  it('keeps what is not an English month and year as written', () => {
    for (const text of ['2011-12', '2014 - 2019', 'Spring 2020', 'Marchand 2020', 'in 2020']) {
      expect(localizeDateText(text, localeOf('de'))).toBe(text);
    }
  });

  it('writes out the separators Intl gives for the default language (loading them costs ~20 ms)', () => {
    expect(KNOWN_SEPARATORS.size).toBeGreaterThan(0);
    for (const [tag, separators] of KNOWN_SEPARATORS) {
      expect(separators, tag).toEqual(intlListSeparators(tag));
      expect(listSeparators(localeOf(tag)), tag).toBe(separators);
    }
  });

  it('joins lists and counts as the language does', () => {
    expect(listSeparators(localeOf('en'))).toEqual({ pair: ' and ', middle: ', ', last: ', and ' });
    expect(listSeparators(localeOf('de'))).toEqual({ pair: ' und ', middle: ', ', last: ' und ' });
    expect(listSeparators(localeOf('en-GB'))).toEqual({ pair: ' and ', middle: ', ', last: ' and ' });
    expect(plural(localeOf('en').labels.papers, 1, localeOf('en'))).toBe('1 paper');
    expect(plural(localeOf('ru').labels.papers, 5, localeOf('ru'))).toBe('5 статей');
    expect(plural(localeOf('ru').labels.papers, 3, localeOf('ru'))).toBe('3 статьи');
  });
});
