/**
 * Page-break control in every built-in theme, read from the PDF page by page: a heading never ends a page,
 * a publication never splits across pages, `NEWPAGE` starts a page, and `keep_years_together` keeps a
 * year of papers on one page. Checked on the 10-12 page CV at three densities (different break points).
 */
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import type { Cv, DesignOptions } from '../../src/model/cv.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { pdfText } from '../helpers/pdf.js';
import { layoutTitles, testCv, titleText, withPrint } from '../helpers/test-cv.js';
import { largeTestCv } from './large-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

/** Each page's lines, without the footer and blank lines. */
async function pagesOf(cv: Cv, design: DesignOptions = {}): Promise<string[][]> {
  const result = compileTypstPdf({ ...cv, print: { ...cv.print, design } }, { now: NOW });
  expect(result.diagnostics).toEqual([]);
  // The sidebar sits beside the main column: its text is read in the PDF's order, not across the columns.
  const text = await pdfText(result.pdf ?? new Uint8Array(), { raw: cv.print.theme.name === 'sidebar' });
  return text
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !/Last updated on|Page \d+ of \d+/.test(line)),
    )
    .filter((lines) => lines.length > 0);
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The year groups of every publications section: heading and paper titles. */
function yearGroups(cv: Cv): { heading: string; titles: string[] }[] {
  return [...cv.sections.values()].flatMap((s) =>
    s.type !== 'publications'
      ? []
      : s.lists.flatMap((l) =>
          l.groups.flatMap((g) =>
            g.heading === null ? [] : [{ heading: g.heading, titles: g.publications.map(titleText) }],
          ),
        ),
  );
}

/** The pages a text is on (not followed by a digit: "Part 2" is not "Part 25"). */
const pageOf = (pages: string[][], text: string): number[] => {
  const pattern = new RegExp(`${squash(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
  return pages.flatMap((lines, index) => (pattern.test(squash(lines.join(''))) ? [index] : []));
};

describe.each(BUILTIN_THEMES)('page breaks in the %s theme', (theme) => {
  const large = withPrint(largeTestCv(), { theme });

  it.each(['compact', 'normal', 'airy'] as const)(
    'no page ends with a heading, and no paper splits (density %s)',
    async (density) => {
      const pages = await pagesOf(large, { density });
      expect(pages.length).toBeGreaterThan(4);
      const headings = new Set([
        ...layoutTitles(large.layouts.print),
        ...yearGroups(large).map((g) => g.heading),
      ]);
      for (const [index, lines] of pages.slice(0, -1).entries()) {
        expect(headings.has(lines.at(-1) ?? ''), `page ${index + 1} ends with "${lines.at(-1)}"`).toBe(false);
      }
      // A paper's title and its last author are on one page.
      for (const section of large.sections.values()) {
        if (section.type !== 'publications') continue;
        for (const p of section.lists.flatMap((l) => l.groups.flatMap((g) => g.publications))) {
          const last = p.authors.at(-1);
          if (!last) continue;
          const titlePages = pageOf(pages, titleText(p));
          expect(titlePages.length, titleText(p)).toBeGreaterThan(0);
          const authorPages = pageOf(pages, inlineToText(last.name));
          expect(
            titlePages.some((page) => authorPages.includes(page)),
            `${titleText(p)} split`,
          ).toBe(true);
        }
      }
    },
  );

  it('starts a page where the layout says NEWPAGE', async () => {
    const cv = withPrint(testCv(), { theme });
    const pages = await pagesOf(cv);
    const talks = pages.findIndex((lines) => lines.some((l) => l === 'Invited Talks'));
    expect(talks).toBeGreaterThan(0);
    expect(pages[talks]?.[0]).toBe('Invited Talks');
  });

  it('keeps each year of papers on one page with keep_years_together', async () => {
    const splitYears = (pages: string[][]) =>
      yearGroups(large).filter((g) => {
        // Titles printed once (a thesis title is also in Education), each on its page.
        const once = g.titles.map((t) => pageOf(pages, t)).filter((on) => on.length === 1);
        return new Set(once.flat()).size > 1;
      });
    expect(splitYears(await pagesOf(large)).length).toBeGreaterThan(0);
    expect(splitYears(await pagesOf(large, { keepYearsTogether: true }))).toEqual([]);
  });
});
