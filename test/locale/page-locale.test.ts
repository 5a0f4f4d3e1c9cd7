/**
 * `locale:` on the website page: the publications filter, the type names, the legend, the screen-reader
 * names and the words the page's script writes at run time (given to it in data attributes) are in the
 * CV's language; a German page keeps none of the English words. The run-time words are checked in Chromium
 * too (skipped, and registered, when it is absent).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../src/locale/labels.js';
import { localeOf } from '../../src/locale/locale.js';
import { renderCv } from '../../src/pipeline/build.js';
import { SCRIPT_DEFAULTS } from '../../src/render/html/assets/script.js';
import { escapeAttribute } from '../../src/render/html/escape.js';
import { findProgram, registerSkip } from '../helpers/skips.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const NOW = new Date(Date.UTC(2024, 2, 5));

const MANY_AUTHORS = [
  'Ada Lovelace',
  ...Array.from({ length: 11 }, (_, i) => `Coauthor ${String.fromCharCode(65 + i)} Person`),
].join(' and ');

/** One paper of each kind the type filter names, five year groups, marks, a selected paper, a long author list. */
const BIB = `@article{journal,
  title = {Notes on the Engine},
  author = {Ada Lovelace* and Charles Babbage* and Mary Somerville†},
  journal = {Scientific Memoirs},
  year = {2013},
  abstract = {An abstract.},
  selected = {true},
}
@inproceedings{conference,
  title = {On Bernoulli Numbers},
  author = {${MANY_AUTHORS}},
  booktitle = {NeurIPS},
  year = {2012},
}
@incollection{chapter,
  title = {A Chapter},
  author = {Ada Lovelace},
  booktitle = {Collected Works},
  year = {2011},
}
@techreport{tech,
  title = {Tables and Figures},
  author = {Ada Lovelace},
  institution = {Analytical Engine Society},
  year = {2010},
}
@phdthesis{doctoral,
  title = {Operations on Numbers},
  author = {Ada Lovelace},
  school = {University College London},
  year = {2010},
}
@book{monograph,
  title = {Sketch for the Engine},
  author = {Ada Lovelace},
  publisher = {Taylor},
  year = {2011},
}
@misc{memo,
  title = {A Note Without a Date},
  author = {Ada Lovelace},
}
`;

function cvYaml(locale: string): string {
  return `name: Ada Lovelace
locale: ${locale}
order:
  - education
  - research
  - publications
education:
  - school: King's College
    degree: Mathematics
    dates: 1835
    gpa: 3.9/4.0
    majorGPA: 4.0/4.0
research:
  - title: Engines
    place: London
    advisor: Augustus De Morgan
    dates: 1840
publications:
  file: all.bib
  group_by_year: true
  group_cutoff_year: 2000
`;
}

async function page(locale: string): Promise<{ html: string; dir: string }> {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  writeFileSync(path.join(dir, 'publications', 'all.bib'), BIB);
  writeFileSync(path.join(dir, 'cv.yaml'), cvYaml(locale));
  const result = await renderCv({
    files: [path.join(dir, 'cv.yaml')],
    outDir: dir,
    targets: ['html'],
    now: NOW,
  });
  expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const file = result.files.find((f) => f.path === 'index.html')?.contents;
  if (typeof file !== 'string') throw new Error('no index.html');
  writeFileSync(path.join(dir, 'index.html'), file);
  return { html: file, dir };
}

/** Attributes a reader meets (read out, shown, or the script's words). */
const READ_ATTRIBUTES = /\s(?:aria-label|placeholder|title|alt|value|data-[a-z-]+)="([^"]*)"/g;

/**
 * The page's own words: its text and read attributes, without its script, style and JSON-LD, the papers'
 * BibTeX and the citation copied (the data's words: `@book`, `booktitle`), and ids and links (section keys).
 */
function shown(html: string): string {
  const page = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<pre\b[^>]*>[\s\S]*?<\/pre>/g, '')
    .replace(/ data-copy-text="[^"]*"/g, '');
  const attributes = [...page.matchAll(READ_ATTRIBUTES)].map((m) => m[1]);
  return [page.replace(/<[^>]*>/g, ' '), ...attributes].join('\n');
}

/** The filter panel's markup. */
const panelOf = (html: string): string => /<div class="pub-filter"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
/** The page search's markup. */
const searchOf = (html: string): string => /<div class="page-search"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

describe.each(['de', 'ja'])('locale: %s on the page', (language) => {
  const { labels } = localeOf(language);
  let html = '';
  beforeAll(async () => {
    html = (await page(language)).html;
  });

  it('names the page search, its box and button in the language', () => {
    const search = searchOf(html);
    const words = labels.search;
    expect(search).toContain(`aria-label="${words.label}"`);
    expect(search).toContain(`<span>${words.label}</span>`);
    expect(search).toContain(`placeholder="${words.placeholder}"`);
    expect(search).toContain(`id="page-reset" hidden>${words.clear}</button>`);
  });

  it('names the filter, its menus, check box, button and count in the language', () => {
    const panel = panelOf(html);
    const words = labels.filter;
    expect(panel).toContain(`aria-label="${words.name}"`);
    expect(panel).toContain(`<span>${words.year}</span>`);
    expect(panel).toContain(`<span>${words.type}</span>`);
    expect(panel).toContain(`>${words.allYears} (7)</option>`);
    expect(panel).toContain(`>${words.allTypes} (7)</option>`);
    expect(panel).toContain(`>${words.undated} (1)</option>`);
    expect(panel).toContain(`> ${words.selectedOnly}</label>`);
    expect(panel).toContain(`id="pub-reset">${words.clear}</button>`);
    expect(panel).toContain(`role="status">${fill(words.count.other, { n: 7 })}</p>`);
  });

  it('names each kind of paper in the type menu and on the rows', () => {
    for (const kind of Object.values(labels.publicationTypes).filter(
      (k) => k !== labels.publicationTypes.other,
    ))
      expect(html).toContain(`<option value="${kind}">${kind} (`);
    expect(html).toContain(`data-type="${labels.publicationTypes.other}"`);
    expect(html).toContain(`data-year="${labels.filter.undated}"`);
  });

  it('writes the legend, the year links and the screen-reader names in the language', () => {
    expect(html).toContain(`</span>${labels.legendSelected}</span>`);
    expect(html).toContain(`<sup>*</sup> ${labels.equalContribution}</span>`);
    expect(html).toContain(`<sup>†</sup> ${labels.equalAdvising}</span>`);
    expect(html).toContain(`<nav class="pub-years" aria-label="${labels.publicationYears}">`);
    const title = 'Notes on the Engine';
    expect(html).toContain(`<span class="visually-hidden">${fill(labels.ofPaper, { title })}</span>`);
    expect(html).toContain(`aria-label="${escapeAttribute(fill(labels.copyBibtexOf, { title }))}"`);
    expect(html).toContain(`aria-label="${escapeAttribute(fill(labels.copyCitationOf, { title }))}"`);
    expect(html).toContain(`${labels.advisor}: Augustus De Morgan`);
    expect(html).toContain(
      `(${fill(labels.gpaValue, { gpa: '3.9/4.0' })}, ${fill(labels.majorGpaValue, { gpa: '4.0/4.0' })})`,
    );
    expect(html).toContain(`>${labels.showFewer}</button>`);
  });

  it('gives the script its words in data attributes', () => {
    const body = /<body[^>]*>/.exec(html)?.[0] ?? '';
    expect(body).toContain(`data-copied="${labels.copied}"`);
    expect(body).toContain(`data-copy-failed="${labels.copyFailed}"`);
    const panel = panelOf(html);
    expect(panel).toContain(`data-count="${escapeAttribute(JSON.stringify(labels.filter.count))}"`);
    expect(panel).toContain(`data-shown="${escapeAttribute(JSON.stringify(labels.filter.shown))}"`);
    const search = searchOf(html);
    expect(search).toContain(`data-shown="${escapeAttribute(JSON.stringify(labels.search.shown))}"`);
    expect(search).toContain(`data-sections="${escapeAttribute(JSON.stringify(labels.search.sections))}"`);
    expect(search).toContain(`data-none="${escapeAttribute(labels.search.none)}"`);
  });
});

describe('the words of the page in German and Japanese', () => {
  it('are the translations, not the English (spot checks against the tables)', async () => {
    const de = (await page('de')).html;
    expect(de).toContain('<span>Diese Seite durchsuchen</span>');
    expect(de).toContain('data-copied="kopiert"');
    expect(de).toContain('<option value="Zeitschriftenartikel">');
    // The citation copied joins the authors in the language (Intl.ListFormat).
    expect(de).toContain(
      'data-copy-text="Ada Lovelace, Charles Babbage und Mary Somerville. Notes on the Engine.',
    );
    const ja = (await page('ja')).html;
    expect(ja).toContain('<span>このページを検索</span>');
    expect(ja).toContain('data-copied="コピーしました"');
    expect(ja).toContain('<sup>*</sup> 同等貢献</span>');
  });

  it('leave no English word of the page in the German one', async () => {
    const english = [
      'Search this page',
      'title, author, venue, year, place',
      'clear search',
      'Nothing on this page matches',
      'entries shown',
      'Year',
      'Type',
      'all years',
      'all types',
      'selected only',
      'clear',
      'publications',
      'Publications',
      'publication',
      'journal article',
      'conference paper',
      'book chapter',
      'book',
      'thesis',
      'report',
      'preprint or other',
      'undated',
      'Undated',
      'highlighted',
      'equal contribution',
      'equal advising',
      'Publication years',
      'copy BibTeX',
      'copy citation',
      'copied',
      'copy failed',
      'show fewer',
      'of',
      'Advisor',
      'GPA',
    ];
    const de = shown((await page('de')).html);
    const en = (await page('en')).html;
    // The check can fail: the English page (with its script) has every one of these words.
    for (const word of english) expect(en, word).toMatch(new RegExp(`\\b${word}\\b`));
    for (const word of english) expect(de, word).not.toMatch(new RegExp(`\\b${word}\\b`));
  });

  it('an English page carries no word attribute: the script’s defaults are the English table', async () => {
    const en = (await page('en')).html;
    expect(en).not.toMatch(/data-(copied|copy-failed|count|shown|sections|none)=/);
    const { labels } = localeOf('en');
    expect(SCRIPT_DEFAULTS).toEqual({
      count: labels.filter.count,
      shown: labels.filter.shown,
      searchShown: labels.search.shown,
      searchSections: labels.search.sections,
      searchNone: labels.search.none,
      copied: labels.copied,
      copyFailed: labels.copyFailed,
    });
  });
});

const CHROMIUM = findProgram('chromium');
if (CHROMIUM === undefined)
  registerSkip('locale words of the page script in Chromium', 'apt-get install chromium');

describe.skipIf(CHROMIUM === undefined)('the script’s words in Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM ?? 'chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [
      'de',
      '7 Publikationen',
      '1 von 7 Publikationen angezeigt',
      '1 von 9 Einträgen angezeigt in 1 Abschnitt',
      'kopiert',
      'weniger zeigen',
      'und 7 weitere',
    ],
    [
      'ja',
      '論文 7 本',
      '7 本中 1 本を表示',
      '9 件中 1 件を表示 （1 セクション）',
      'コピーしました',
      '折りたたむ',
      'ほか7件',
    ],
  ])(
    '%s: counts, filtered counts, no match, copy message and author-list button',
    async (language, all, one, pageOne, copied, fewer, more) => {
      if (browser === undefined) throw new Error('browser not started');
      const { dir } = await page(language);
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const tab = await context.newPage();
      await tab.goto(`file://${path.join(dir, 'index.html')}`);
      await tab.fill('#page-q', 'Bernoulli');
      expect(await tab.textContent('#pub-count')).toBe(one);
      expect(await tab.textContent('#page-count')).toBe(pageOne);
      await tab.fill('#page-q', 'zzz');
      expect(await tab.textContent('#page-count')).toBe(
        localeOf(language).labels.search.none.replace('{query}', 'zzz'),
      );
      await tab.fill('#page-q', '');
      expect(await tab.textContent('#pub-count')).toBe(all);
      expect(await tab.textContent('#page-count')).toBe('');
      const authors = 'button.more-authors';
      expect(await tab.textContent(authors)).toBe(more);
      await tab.click(authors);
      expect(await tab.textContent(authors)).toBe(fewer);
      await tab.click('#pub-journal details.bib > summary');
      const copy = '#pub-journal button[data-copy]';
      await tab.click(copy);
      await tab.waitForFunction(
        ([selector, text]) =>
          (
            globalThis as unknown as {
              document: { querySelector(s: string): { textContent: string } | null };
            }
          ).document.querySelector(selector)?.textContent === text,
        [copy, copied] as const,
      );
      await context.close();
    },
  );
});
