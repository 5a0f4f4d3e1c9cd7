/**
 * `design:` in cv.yaml: read with positions (a wrong value is reported at its line and column), and
 * honoured by every built-in theme in the PDF (font, size, margins, density, dates, highlight, standard).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv, DesignOptions } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { parseMargin } from '../../src/resolve/print-options.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { testCv, withPrint } from '../helpers/test-cv.js';

const tempDir = useTempDirs();
const NOW = new Date('2024-03-05T15:30:00Z');

function load(yaml: string) {
  const dir = tempDir();
  const file = path.join(dir, 'cv.yaml');
  writeFileSync(file, yaml);
  const result = loadCv([file]);
  const shown = result.diagnostics.map(
    (d) => `${d.severity} ${d.code} ${d.position ? `${d.position.line}:${d.position.column}` : '-'}`,
  );
  return { ...result, shown };
}

const withDesign = (cv: Cv, design: DesignOptions): Cv => ({ ...cv, print: { ...cv.print, design } });

function pdfOf(cv: Cv): Uint8Array {
  const result = compileTypstPdf(cv, { now: NOW });
  expect(result.diagnostics).toEqual([]);
  if (!result.pdf) throw new Error('no PDF');
  return result.pdf;
}

describe('design: in cv.yaml', () => {
  it('is read into the print options', () => {
    const { cv, shown } = load(
      [
        'name: A',
        'design:',
        '  font: Libertinus Serif',
        '  font_size: 11',
        '  margin: 2cm',
        '  density: airy',
        '  date_position: left',
        '  keep_years_together: yes',
        '  highlight: "#eeeeff"',
        '  pdf_standard: a-2b',
      ].join('\n'),
    );
    expect(shown).toEqual([]);
    expect(cv?.print.design).toEqual({
      font: 'Libertinus Serif',
      fontSize: 11,
      marginPt: 56.69,
      density: 'airy',
      datePosition: 'left',
      keepYearsTogether: true,
      highlight: [0xee / 255, 0xee / 255, 1],
      pdfStandard: 'a-2b',
    });
  });

  it('reports wrong values at their line and column, with what is known', () => {
    const { shown, diagnostics } = load(
      [
        'name: A',
        'design:',
        '  font: Comic Sans',
        '  densty: airy',
        '  date_position: middle',
        '  pdf_standard: a-9',
        '  font_size: 40',
      ].join('\n'),
    );
    expect([...shown].sort()).toEqual([
      'error invalid-value 3:9',
      'error invalid-value 5:18',
      'error invalid-value 6:17',
      'error invalid-value 7:14',
      'error unknown-key 4:3',
    ]);
    const messages = diagnostics.map((d) => [d.message, ...d.hints].join(' '));
    expect(messages.find((m) => m.includes('densty'))).toContain('density');
    expect(messages.find((m) => m.includes('font`'))).toContain('Source Sans 3');
  });

  it('warns about a margin or highlight it cannot use, at its position, and keeps the rest', () => {
    const { cv, shown, diagnostics } = load(
      ['name: A', 'design:', '  margin: 3 parsecs', '  highlight: glitter', '  density: compact'].join('\n'),
    );
    expect(shown).toEqual(['warning design-option 3:11', 'warning unknown-color 4:14']);
    expect(diagnostics[0]?.message).toBe(
      "`margin: 3 parsecs` is not a page margin vita can use; the theme's own margins are used",
    );
    expect(cv?.print.design).toMatchObject({ density: 'compact', marginPt: undefined, highlight: undefined });
  });

  it.each([
    ['2cm', 56.69],
    ['20 mm', 56.69],
    ['0.75in', 54],
    ['54pt', 54],
    [54, 54],
    ['3 parsecs', undefined],
    ['4in', undefined],
    ['-1cm', undefined],
  ] as const)('margin %j is %s points', (value, points) => expect(parseMargin(value)).toBe(points));
});

describe.each(BUILTIN_THEMES)('the %s theme honours design:', (theme) => {
  const base = withPrint(testCv(), { theme });

  it('font: the body is set in the named font', async () => {
    const fonts = (await pdfFonts(pdfOf(withDesign(base, { font: 'New Computer Modern' })))).map(
      (f) => f.name,
    );
    expect(fonts.some((f) => /NewCM|NewComputerModern/i.test(f))).toBe(true);
  });

  it('font size, margins and density change how much fits on a page', async () => {
    const pages = async (design: DesignOptions) =>
      (await pdfText(pdfOf(withDesign(base, design)))).split('\f').length;
    const normal = await pages({});
    expect(await pages({ fontSize: 12, density: 'airy', marginPt: 90 })).toBeGreaterThan(normal);
    expect(await pages({ fontSize: 8, density: 'compact', marginPt: 30 })).toBeLessThanOrEqual(normal);
  });

  it('date_position: the dates move to the other side of the entries', async () => {
    const lineOf = async (design: DesignOptions) =>
      (await pdfText(pdfOf(withDesign(base, design)), { raw: theme === 'sidebar' }))
        .split('\n')
        .find((l) => l.includes('Assistant Professor of Informatics'));
    const left = await lineOf({ datePosition: 'left' });
    const right = await lineOf({ datePosition: 'right' });
    expect(left).toMatch(/^2024 – .*Assistant Professor/);
    // At the right: after the title on its line, or (modern) at the right of the line below it.
    expect(right).not.toMatch(/^2024/);
  });

  it('pdf_standard: a-2b writes a PDF/A-2b document', () => {
    const pdf = pdfOf(withDesign(base, { pdfStandard: 'a-2b' }));
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(Buffer.from(pdfOf(base)).toString('latin1')).not.toContain('pdfaid:part');
  });

  it('pdf_standard: ua-1 compiles (every image has alternative text)', () => {
    expect(pdfOf(withDesign(base, { pdfStandard: 'ua-1' })).length).toBeGreaterThan(1000);
  });
});
