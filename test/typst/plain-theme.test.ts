/**
 * The plain theme is for applicant tracking systems: one column, so the PDF's own text order is the order a
 * reader sees; no images (icons); every entry one paragraph with its date in it.
 */

import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { compileTypstPdf } from '../../src/render/typst/index.js';
import { pdfText } from '../helpers/pdf.js';
import { layoutTitles, testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

const words = (text: string) =>
  text
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .filter((line) => !/Page \d+ of \d+/.test(line))
        .join(' '),
    )
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '');

/**
 * Images and drawn shapes: raster images, and the filled or clipped paths an SVG icon or a coloured box
 * becomes (the plain theme draws only text and stroked rules).
 */
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.clip,
  OPS.eoClip,
]);

async function imageCount(pdf: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  let images = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    images += ops.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
  }
  await doc.destroy();
  return images;
}

describe('the plain theme', () => {
  const cv = withPrint(testCv(), { theme: 'plain' });
  const result = compileTypstPdf(cv, { now: NOW });
  const pdf = result.pdf ?? new Uint8Array();

  it('writes its text in reading order: the content stream reads as the page does', async () => {
    expect(result.diagnostics).toEqual([]);
    const raw = words(await pdfText(pdf, { raw: true }));
    const reading = words(await pdfText(pdf));
    expect(raw.length).toBeGreaterThan(500);
    expect(raw).toEqual(reading);
  });

  it('keeps the layout order of sections, and an entry with its date on one line', async () => {
    const text = await pdfText(pdf, { raw: true });
    const at = layoutTitles(cv.layouts.print).map((title) => text.indexOf(title));
    expect(at.every((position) => position >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(
      /Research Scientist, Northlake AI Research, London, UK – with Priya Raman on optimal transport \(2021 – 2023\)/,
    );
  });

  it('draws no icons, images or coloured boxes, where the default theme does', async () => {
    expect(await imageCount(pdf)).toBe(0);
    const themed = compileTypstPdf(withPrint(testCv(), { theme: 'default' }), { now: NOW });
    expect(await imageCount(themed.pdf ?? new Uint8Array())).toBeGreaterThan(0);
  });
});
