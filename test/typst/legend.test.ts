/**
 * The PDF half of the legend: a publications section explains, under its heading, what it uses that its
 * `legend:` does not (the highlight of selected papers, the author marks *, †), in every theme; nothing
 * when it uses neither; and the `legend:` of cv.yaml as written.
 */
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { BUILTIN_THEMES, compileTypstPdf } from '../../src/render/typst/index.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { mapPublications, testCv, withPrint } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');

async function textOf(cv: Cv): Promise<string> {
  const result = compileTypstPdf(cv, { now: NOW });
  expect(result.diagnostics).toEqual([]);
  return pdfFlatText(result.pdf ?? new Uint8Array());
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe.each(BUILTIN_THEMES)('the legend in the %s theme', (theme) => {
  it('explains the highlight and the marks a section uses, after its own legend', async () => {
    const text = await textOf(withPrint(testCv(), { theme }));
    // all_publications: selected papers and `*` marks, no legend of its own.
    expect(text).toMatch(
      /Selected publications are highlighted\.|Entries marked \(selected\) are selected publications\./,
    );
    expect(text).toMatch(/\* ?equal contribution\./);
    // other_publications: its legend explains †, so † is not explained twice.
    expect(text).toContain('Journal articles, workshop papers and preprints; † corresponding author.');
    expect(count(text, 'corresponding author')).toBe(1);
  });

  it('says nothing when no paper is selected and no author is marked', async () => {
    const plain = mapPublications(withPrint(testCv(), { theme }), (p) => ({
      ...p,
      selected: false,
      authors: p.authors.map((a) => ({ ...a, marks: [] })),
    }));
    const text = await textOf(plain);
    expect(text).not.toContain('selected publications');
    expect(text).not.toContain('equal contribution');
    expect(count(text, 'corresponding author')).toBe(1);
  });
});
