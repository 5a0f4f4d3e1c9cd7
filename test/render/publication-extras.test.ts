/**
 * The links researchers add beyond code/slides/talk (arxiv, html, supp, blog) and a paper's award, as the
 * print targets show them: the Typst data carries them, every built-in theme prints the links and the
 * award, and the LaTeX writes them as pills and bold text. (The resolver: test/publications/extra-links;
 * the Markdown: test/publications/markdown.)
 */
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { renderLatexDocument } from '../../src/render/latex/document.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { cvToTypstData } from '../../src/render/typst/to-data.js';
import { pdfFlatText, pdfLinks } from '../helpers/pdf.js';
import { mapPublications, rich, testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');
const KEY = 'markovic2024amortized';

const EXTRA_LINKS = [
  { label: 'arxiv', url: 'https://arxiv.org/abs/2401.00009' },
  { label: 'code', url: 'https://github.com/emarkovic/amortized-ot' },
  { label: 'html', url: 'https://proceedings.example.org/ot.html' },
  { label: 'supp', url: 'https://proceedings.example.org/ot-supp.pdf' },
  { label: 'blog', url: 'https://blog.example.org/ot' },
  { label: 'doi', url: 'https://doi.org/10.1000/ot' },
];

/** The test CV with one paper carrying every extra link and an award. */
function awardedCv(cv: Cv = testCv()): Cv {
  return mapPublications(cv, (p) =>
    p.key === KEY ? { ...p, links: EXTRA_LINKS, award: rich('Best Paper Award') } : p,
  );
}

function dataPublications(cv: Cv): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const block of cvToTypstData(cv, NOW).data.blocks) {
    if (block.kind !== 'section' || block.section.type !== 'publications') continue;
    const lists = block.section.lists as { groups: { publications: Record<string, unknown>[] }[] }[];
    for (const list of lists) for (const group of list.groups) out.push(...group.publications);
  }
  return out;
}

describe('the Typst data', () => {
  it('carries the links in the model order and the award as rich text (null without one)', () => {
    const publications = dataPublications(awardedCv());
    const paper = publications.find((p) => p.key === KEY);
    expect(paper?.links).toEqual(EXTRA_LINKS);
    expect(paper?.award).toEqual([{ type: 'text', value: 'Best Paper Award' }]);
    expect(publications.filter((p) => p.key !== KEY).every((p) => p.award === null)).toBe(true);
  });

  it('names the award in the CV language (the default theme names its icon so)', () => {
    expect(cvToTypstData(testCv(), NOW).data.labels.award).toBe('award');
    expect(cvToTypstData({ ...testCv(), locale: 'de' }, NOW).data.labels.award).toBe('Auszeichnung');
  });
});

describe.each(BUILTIN_THEMES)('the %s theme', (theme) => {
  it('prints the arxiv, html, supp and blog links, linked, and the award', async () => {
    const result = compileTypstPdf(withPrint(awardedCv(), { theme }), { now: NOW });
    expect(result.diagnostics).toEqual([]);
    const pdf = result.pdf ?? new Uint8Array();
    const text = (await pdfFlatText(pdf)).toLowerCase();
    expect(text).toContain('best paper award');
    for (const word of ['arxiv', 'html', 'supp', 'blog']) expect(text).toContain(word);
    const links = await pdfLinks(pdf);
    for (const link of EXTRA_LINKS) expect(links).toContain(link.url);
  });
});

describe('the LaTeX', () => {
  it('writes the links as pills in the model order and the award in bold on the venue line', () => {
    const { tex, diagnostics } = renderLatexDocument(awardedCv(), { now: NOW });
    expect(diagnostics).toEqual([]);
    const pills = EXTRA_LINKS.map((l) => `\\vitapill{\\href{${l.url}}{${l.label}}}`).join(' ');
    expect(tex).toContain(`Single-Cell Trajectories}} ${pills}}`);
    expect(tex).toMatch(/\{NeurIPS 2024 \\textbf\{Best Paper Award\}/);
  });
});
