/**
 * What a screen reader and a PDF viewer's sidebar see: one bookmark per section, years and categories
 * nested under publications, tagged headings, the document language; and punctuation a reader should never
 * see, over a sparse CV and the corpus. Every built-in theme, the test CV, the example and the corpus.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import type { Cv } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { type PdfOutlineItem, pdfOutline, pdfStructure, pdfText } from '../helpers/pdf.js';
import { CORPUS_DIR, REPO_DIR } from '../helpers/temp-dir.js';
import { testCv, withPrint } from '../helpers/test-cv.js';
import { badPunctuation, sparseCv } from './sparse-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

function load(yaml: string): Cv {
  const { cv, diagnostics } = loadCv([yaml]);
  if (!cv) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return cv;
}

const CVS: readonly { readonly name: string; readonly cv: () => Cv }[] = [
  { name: 'the test CV', cv: testCv },
  { name: 'the example', cv: () => load(path.join(REPO_DIR, 'examples/seed/cv.yaml')) },
  { name: 'the corpus', cv: () => load(path.join(CORPUS_DIR, 'cv.yaml')) },
];

/** Section types the sidebar theme sets in its sidebar, which comes first in the text and the outline. */
const SIDEBAR_TYPES = ['education', 'skills', 'coursework', 'items'];

/**
 * The outline the layout asks for: titled sections, with categories and year groups of publications under
 * them (the sidebar theme: its sidebar's sections first).
 */
function expectedOutline(cv: Cv, theme = 'default'): PdfOutlineItem[] {
  const items: PdfOutlineItem[] = [];
  const inSidebar = (key: string) => SIDEBAR_TYPES.includes(cv.sections.get(key)?.type ?? '');
  const entries =
    theme === 'sidebar'
      ? [
          ...cv.layouts.print.filter((e) => e.kind === 'section' && inSidebar(e.key)),
          ...cv.layouts.print.filter((e) => !(e.kind === 'section' && inSidebar(e.key))),
        ]
      : cv.layouts.print;
  for (const entry of entries) {
    if (entry.kind !== 'section' || entry.title === null) continue;
    const section = cv.sections.get(entry.key);
    if (section === undefined) continue;
    let children: PdfOutlineItem[] = [];
    if (section.type === 'publications') {
      for (const list of section.lists) {
        const years = list.groups.flatMap((g) =>
          g.heading === null ? [] : [{ title: g.heading, items: [] }],
        );
        if (list.heading === null) children.push(...years);
        else children.push({ title: inlineToText(list.heading), items: years });
      }
    } else children = [];
    items.push({ title: inlineToText(entry.title), items: children });
  }
  return items;
}

const count = (items: readonly PdfOutlineItem[]): number =>
  items.reduce((n, item) => n + 1 + count(item.items), 0);

function compile(cv: Cv): Uint8Array {
  const result = compileTypstPdf(cv, { now: NOW });
  expect(result.diagnostics).toEqual([]);
  if (!result.pdf) throw new Error('no PDF');
  return result.pdf;
}

describe.each(BUILTIN_THEMES)('the %s theme', (theme) => {
  describe.each(CVS)('on $name', ({ cv: make }) => {
    const cv = withPrint(make(), { theme });
    const pdf = compile(cv);

    it('has one bookmark per titled section, with categories and years nested under publications', async () => {
      const expected = expectedOutline(cv, theme);
      expect(expected.length).toBeGreaterThan(3);
      const outline = await pdfOutline(pdf);
      if (theme === 'sidebar') {
        // The sidebar's sections first (those that fit beside page 1), then the rest in layout order.
        const inLayout = expectedOutline(cv);
        const sidebarTitles = new Set(
          cv.layouts.print.flatMap((e) =>
            e.kind === 'section' &&
            e.title !== null &&
            SIDEBAR_TYPES.includes(cv.sections.get(e.key)?.type ?? '')
              ? [inlineToText(e.title)]
              : [],
          ),
        );
        const first = outline.findIndex((item) => !sidebarTitles.has(item.title));
        const side = outline.slice(0, first === -1 ? outline.length : first);
        const inSide = (item: PdfOutlineItem) => side.some((s) => s.title === item.title);
        expect(side.length).toBeGreaterThan(0);
        expect(side).toEqual(inLayout.filter(inSide));
        expect(outline.slice(side.length)).toEqual(inLayout.filter((item) => !inSide(item)));
      } else expect(outline).toEqual(expected);
    });

    it('tags every bookmarked heading as a heading (H1 for sections), and sets the language', async () => {
      const expected = expectedOutline(cv, theme);
      const structure = await pdfStructure(pdf);
      expect(structure.language).toBe('en');
      expect(structure.headings.filter((h) => h === 'H1').length).toBe(expected.length);
      expect(structure.headings.length).toBe(count(expected));
    });

    it('prints no doubled, orphaned or leading punctuation', async () => {
      expect(badPunctuation(await pdfText(pdf, { raw: theme === 'sidebar' }))).toEqual([]);
    });
  });

  it('prints no doubled, orphaned or leading punctuation when every optional field is absent', async () => {
    const cv = sparseCv(withPrint(testCv(), { theme }));
    const text = await pdfText(compile(cv), { raw: theme === 'sidebar' });
    expect(text).toContain('Elena');
    expect(badPunctuation(text)).toEqual([]);
  });
});

describe('the punctuation check', () => {
  it('finds what it looks for', () => {
    expect(badPunctuation(', Intel Labs, Santa Clara')).toEqual([expect.stringMatching(/^leading/)]);
    expect(badPunctuation('Is it Necessary?. NeurIPS')).toEqual([expect.stringMatching(/^period after/)]);
    expect(badPunctuation('Labs, , Santa Clara')).toContainEqual(expect.stringMatching(/^doubled comma/));
    expect(badPunctuation('Is it Necessary? NeurIPS 2024. Inc., London')).toEqual([]);
  });
});
