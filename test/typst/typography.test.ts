/** A paper's title never reads as one more author: every theme sets it in another font than the authors. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { pdfTextRuns } from '../helpers/pdf.js';
import { testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

describe.each(BUILTIN_THEMES)('the %s theme', (theme) => {
  it('sets titles unlike co-authors', async () => {
    const result = compileTypstPdf(withPrint(testCv(), { theme }), { now: NOW });
    const runs = await pdfTextRuns(result.pdf ?? new Uint8Array());
    const fontOf = (part: string) => runs.find((run) => run.text.includes(part))?.font;
    const title = fontOf('Riemannian Flows on Product');
    const author = fontOf('Yuki Tanaka');
    expect(title).toBeDefined();
    expect(author).toBeDefined();
    expect(title).not.toBe(author);
  });
});
