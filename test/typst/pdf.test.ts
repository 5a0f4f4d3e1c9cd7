import { beforeAll, describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { compileTypstPdf, typstTarget } from '../../src/render/typst/index.js';
import { pdfFlatText, pdfFonts, pdfInfo, pdfLinks, pdfText } from '../helpers/pdf.js';
import { layoutTitles, publicationsOf, testCv, titleText, withPrint } from '../helpers/test-cv.js';
import { largeTestCv } from './large-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

function compiled(pdf: Uint8Array | undefined): Uint8Array {
  if (pdf === undefined) throw new Error('no PDF was produced');
  return pdf;
}

const OWNER = testCv().person.name;
/** Each publication's number, title, and the owner's name as its author line writes it. */
const publications = (cv: Cv): { label: string; title: string; owner: string }[] =>
  publicationsOf(cv).map((p) => ({
    label: p.label,
    title: titleText(p),
    owner: p.authors.find((a) => a.isOwner)?.plain ?? OWNER,
  }));

describe('the default theme', () => {
  const cv = testCv();
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    const result = compileTypstPdf(cv, { now: NOW });
    expect(result.diagnostics).toEqual([]);
    pdf = compiled(result.pdf);
    text = await pdfFlatText(pdf);
  });

  it('prints the name, every section title and every publication title', () => {
    expect(text).toContain(OWNER);
    for (const title of layoutTitles(cv.layouts.print)) expect(text).toContain(title);
    const pubs = publications(cv);
    expect(pubs.length).toBe(12);
    for (const { title } of pubs) expect(text).toContain(title);
  });

  it("has the owner's name in every author line (between a publication and the next)", () => {
    const starts = publications(cv)
      .map(({ label, title, owner }) => ({ title, owner, at: text.indexOf(`[${label}] ${title}`) }))
      .sort((a, b) => a.at - b.at);
    for (const [index, { title, owner, at }] of starts.entries()) {
      expect(at, title).toBeGreaterThan(0);
      const end = Math.min(starts[index + 1]?.at ?? text.length, at + 400);
      expect(text.slice(at, end), title).toContain(owner);
    }
    // One entry writes the owner's other name variant.
    expect(new Set(starts.map((s) => s.owner))).toEqual(new Set([OWNER, 'Elena Markovic']));
  });

  it('numbers publications and shows venues, link pills and star counts', () => {
    expect(text).toMatch(/\[9\] Amortized Optimal Transport/);
    expect(text).toMatch(/\[J1\] A Survey of Differentiable Optimization/);
    expect(text).toContain('NeurIPS 2024 code slides');
    expect(text).toContain('AISTATS 2023, Oral presentation');
    expect(text).toContain('Yuki Tanaka, et al.');
    expect(text).toContain('1.8k');
    expect(text).toContain('ICML (2 papers)');
  });

  it('prints the footer on every page: "Last updated on" and "Page x of N"', async () => {
    const pages = (await pdfText(pdf)).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBe((await pdfInfo(pdf)).pages);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain('Last updated on March 5, 2024');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    }
  });

  it('breaks the page where the layout says NEWPAGE', async () => {
    const pages = (await pdfText(pdf)).split('\f');
    const talksPage = pages.findIndex((page) => page.includes('Invited Talks'));
    const reposPage = pages.findIndex((page) => page.includes('Open Source Repositories'));
    expect(talksPage).toBeGreaterThan(reposPage);
    // The talks start their page: nothing but the heading comes before them.
    expect(pages[talksPage]?.trimStart().startsWith('Invited Talks')).toBe(true);
  });

  it('prints a section whose layout title is null without a heading', () => {
    expect(text).toContain('I build learning systems that reason with optimization & control, recently');
    expect(text).not.toMatch(/\bAbout\b/);
  });

  it('renders HTML as its text: tags and script bodies are gone, entities decoded', () => {
    expect(text).toContain('Previously at ETH Zürich.');
    // The about text ends in an HTML comment holding a script.
    expect(text).not.toContain('a comment');
    expect(text).not.toContain('alert(1)');
    expect(text).not.toContain('<p');
  });

  it('embeds every font, with Source Sans 3 from the npm package', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toEqual(
      expect.arrayContaining(['SourceSans3-Regular', 'SourceSans3-SemiBold', 'SourceSans3-Italic']),
    );
  });

  it('has clickable links: contacts, titles, co-authors, pills; nothing unsafe', async () => {
    const links = await pdfLinks(pdf);
    expect(links).toEqual(
      expect.arrayContaining([
        'mailto:elena.markovic@example.org',
        'https://emarkovic.example.org',
        'https://github.com/emarkovic',
        'https://scholar.google.com/citations?user=EMARKOV1234',
        'https://arxiv.org/abs/2401.00001',
        'https://priyaraman.example.com/',
        'https://github.com/emarkovic/amortized-ot',
        'https://emarkovic.example.org/slides/2024-ot.pdf',
        'https://www.gatsby.ucl.ac.uk/',
        'https://video.example.org/watch?v=dcp&t=42#start',
        'papers/qp-warmstart.pdf',
      ]),
    );
    // Web, mail and relative links (no scheme) only.
    for (const link of links) expect(link).toMatch(/^(https?:|mailto:|[^:]*$)/);
  });

  it('sets the PDF title, author and date from the data and RenderOptions.now', async () => {
    const info = await pdfInfo(pdf);
    expect(info.title).toBe(`${OWNER}: Curriculum Vitae`);
    expect(info.author).toBe(OWNER);
    expect(info.creationDate).toMatch(/^2024-03-05/);
  });

  it('uses US letter by default and A4 when print.paper is a4', async () => {
    expect((await pdfInfo(pdf)).pageSize).toBe('612 x 792 pts (letter)');
    const a4 = compiled(compileTypstPdf(withPrint(testCv(), { paper: 'a4' }), { now: NOW }).pdf);
    expect((await pdfInfo(a4)).pageSize).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)$/);
  });

  it('is byte-identical for the same `now`, even after other builds in the same process', () => {
    const again = compiled(compileTypstPdf(cv, { now: NOW }).pdf);
    compileTypstPdf(withPrint(testCv(), { paper: 'a4', color: 'red' }), {
      now: new Date('2030-01-01T00:00:00Z'),
    });
    const third = compiled(compileTypstPdf(cv, { now: NOW }).pdf);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(pdf))).toBe(true);
  });

  it('changes with `now`: the date is data, not the clock', async () => {
    const later = compiled(compileTypstPdf(cv, { now: new Date('2025-12-24T00:00:00Z') }).pdf);
    expect(Buffer.from(later).equals(Buffer.from(pdf))).toBe(false);
    expect(await pdfFlatText(later)).toContain('Last updated on December 24, 2025');
  });
});

describe('typstTarget', () => {
  it('renders cv.pdf with the Typst sources that rebuild it', async () => {
    const result = await typstTarget.render(testCv(), {
      now: NOW,
      outDir: '/nonexistent/out',
      pdfEngine: 'typst',
      htmlFileName: 'index.html',
    });
    expect(typstTarget.name).toBe('pdf');
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([
      'cv.pdf',
      'cv.typ',
      'cv-data.json',
      'cv-theme.typ',
      'vita-lib.typ',
    ]);
    const byPath = new Map(result.files.map((f) => [f.path, f.contents]));
    const main = String(byPath.get('cv.typ'));
    expect(main).toContain('#import "cv-theme.typ": render');
    expect(main).toContain('json("cv-data.json")');
    const data = JSON.parse(String(byPath.get('cv-data.json')));
    expect(data.person.name).toBe(OWNER);
    expect(String(byPath.get('cv-theme.typ'))).toContain('#let render(data)');
  });
});

describe('a large CV', () => {
  // How fast is measured by `npm run bench`, never by a timed test: these machines are noisy.
  it('compiles a 10-12 page CV, and again from the warm compiler', () => {
    const cv = largeTestCv();
    const first = compileTypstPdf(cv, { now: NOW });
    const warm = compileTypstPdf(cv, { now: NOW });
    const pages = first.pageCount;
    console.log(
      `Typst compile (${pages} pages): first ${first.compileTimeMs.toFixed(0)} ms, warm ${warm.compileTimeMs.toFixed(0)} ms`,
    );
    expect(first.diagnostics).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(12);
    expect(warm.diagnostics).toEqual([]);
    expect(warm.pageCount).toBe(pages);
  });
});
