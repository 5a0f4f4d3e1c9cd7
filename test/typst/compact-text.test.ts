import { describe, expect, it } from 'vitest';
import { compactPlainText } from '../../src/render/typst/compact-text.js';
import { compileTypst } from '../../src/render/typst/compiler.js';
import { loadLibrary } from '../../src/render/typst/themes.js';
import { cvToTypstData } from '../../src/render/typst/to-data.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { testCv } from '../helpers/test-cv.js';

const NOW = new Date('2024-03-05T15:30:00Z');
const text = (value: string) => ({ type: 'text', value });

describe('compactPlainText', () => {
  it('turns rich text without markup into its string, dashes and no-break spaces included', () => {
    const data = {
      title: [text('A'), { type: 'dash', kind: 'en' }, text('B'), { type: 'nbsp' }, text('C')],
      details: [[text('one')], [text('x'), { type: 'dash', kind: 'em' }]],
    };
    compactPlainText(data);
    expect(data).toEqual({ title: 'A\u2013B\u00A0C', details: ['one', 'x\u2014'] });
  });

  it('leaves markup, empty rich text and other lists alone', () => {
    const marked = [text('a '), { type: 'strong', children: [text('b')] }];
    const data = {
      marked,
      empty: [],
      links: [{ label: 'code', url: 'https://example.org' }],
      broken: [text('a'), { type: 'linebreak' }, text('b')],
    };
    compactPlainText(data);
    expect(data.marked).toBe(marked);
    expect(data.marked[1]).toEqual({ type: 'strong', children: [text('b')] });
    expect(data.empty).toEqual([]);
    expect(data.links).toEqual([{ label: 'code', url: 'https://example.org' }]);
    expect(data.broken).toHaveLength(3);
  });

  it('gives the built-in themes no abstracts and strings for plain text; a user theme gets nodes', () => {
    const user = JSON.stringify(cvToTypstData(testCv(), NOW).data);
    const builtin = JSON.stringify(
      cvToTypstData(testCv(), NOW, { abstracts: false, plainTextAsStrings: true }).data,
    );
    expect(user).toContain('"abstract":[{"type":"text"');
    expect(builtin).not.toContain('"abstract":[{');
    expect(builtin).toContain('"abstract":[]');
    expect(builtin.length).toBeLessThan(user.length * 0.8);
  });

  it("prints the same text through vita-lib's rich() as the nodes did", async () => {
    const nodes = [text('Née '), { type: 'dash', kind: 'en' }, { type: 'nbsp' }, text('#1 *x* $y$')];
    const compact = { value: nodes };
    compactPlainText(compact);
    const compile = (value: unknown) =>
      compileTypst({
        root: '/vita-compact-text-test',
        files: new Map<string, string>([
          ['vita-lib.typ', loadLibrary()],
          [
            'main.typ',
            `#import "vita-lib.typ": *\n#rich(json(bytes(${JSON.stringify(JSON.stringify(value))})))\n`,
          ],
        ]),
        main: 'main.typ',
        creationTimestamp: 0,
        resetShadows: true,
      });
    const fromNodes = compile(nodes);
    const fromString = compile(compact.value);
    expect(fromNodes.messages).toEqual([]);
    expect(fromString.messages).toEqual([]);
    expect(await pdfFlatText(fromString.pdf ?? new Uint8Array())).toBe(
      await pdfFlatText(fromNodes.pdf ?? new Uint8Array()),
    );
    expect(Buffer.from(fromString.pdf ?? []).equals(Buffer.from(fromNodes.pdf ?? []))).toBe(true);
  });
});
