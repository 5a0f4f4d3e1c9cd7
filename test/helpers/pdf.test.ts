/** The PDF reader the tests use sees what is wrong: a font left out, an unsafe link, the text as drawn. */
import { describe, expect, it } from 'vitest';
import { pdfFlatText, pdfFonts, pdfInfo, pdfLinks, pdfOutline, pdfText } from './pdf.js';

function minimalPdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 700 Td (a $ b) Tj 0 -20 Td (Second line) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Outlines 8 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R] >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Annot /Subtype /Link /Rect [72 690 200 720] /A << /S /URI /URI (javascript:alert\\(1\\)) >> >>',
    '<< /Title (Broken Title) >>',
    '<< /Type /Outlines /First 9 0 R /Last 9 0 R /Count 1 >>',
    '<< /Title (Publications) /Parent 8 0 R /Dest [3 0 R /XYZ 0 792 0] /First 10 0 R /Last 10 0 R /Count 1 >>',
    '<< /Title (Journals) /Parent 9 0 R /Dest [3 0 R /XYZ 0 700 0] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
describe('the PDF helper on a hand-written PDF', () => {
  const pdf = minimalPdf();

  it('reads the text in reading order and in content order, one-character words apart', async () => {
    expect(await pdfText(pdf)).toBe('a $ b\nSecond line\n');
    expect(await pdfText(pdf, { raw: true })).toBe('a $ b\nSecond line\n');
    expect(await pdfFlatText(pdf)).toBe('a $ b Second line ');
  });

  it('reports a font that is not embedded', async () => {
    expect(await pdfFonts(pdf)).toEqual([{ name: 'Helvetica', type: 'Type1', embedded: false }]);
  });

  it('reports an unsafe link target as the PDF holds it', async () => {
    expect(await pdfLinks(pdf)).toEqual(['javascript:alert(1)']);
  });

  it('reads the Info dictionary, the page count and the page size', async () => {
    const info = await pdfInfo(pdf);
    expect(info).toMatchObject({ title: 'Broken Title', pages: 1, pageSize: '595.276 x 841.89 pts (A4)' });
    expect(info.author).toBeUndefined();
  });

  it('reads the outline (bookmarks), nested', async () => {
    expect(await pdfOutline(pdf)).toEqual([
      { title: 'Publications', items: [{ title: 'Journals', items: [] }] },
    ]);
  });
});
