/** Quoted scalars continued at a smaller indentation: mended in a copy of the text, positions kept. */
import { describe, expect, it } from 'vitest';
import { reindentQuotedScalars } from '../../src/load/quoted-indent.js';
import { YamlSource } from '../../src/load/yaml-source.js';

const read = (text: string) => {
  const { source, diagnostics } = YamlSource.parse('cv.yaml', text);
  return {
    data: source.toData(),
    found: diagnostics.map((d) => `${d.code}@${d.position?.line}:${d.position?.column}`),
  };
};

describe('re-indenting quoted scalars', () => {
  it('leaves a file without a cut scalar alone', () => {
    expect(reindentQuotedScalars('a: "one\n  two"\nb: x\n')).toBeUndefined();
  });

  it('keeps every line, and adds spaces only at the start of continuation lines', () => {
    const text = 'a:\n  - "one\ntwo\n\n   three"\n  - b\n';
    const mended = reindentQuotedScalars(text);
    expect(mended?.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(mended?.text.replace(/^ +/gm, '')).toBe(text.replace(/^ +/gm, ''));
    expect([...(mended?.added ?? [])]).toEqual([
      [2, 4],
      [4, 1],
    ]);
    expect(mended?.scalars).toEqual([{ line: 1, column: 4 }]);
  });

  it('reads CRLF files and a leading BOM the same', () => {
    expect(read('a:\r\n  - "one\r\ntwo\r\n\r\n three"\r\n')).toEqual({
      data: { a: ['one two\nthree'] },
      found: ['yaml-quoted-indent@2:5'],
    });
    expect(read('\ufeffa: "one\ntwo"\nb: [1]\n')).toEqual({
      data: { a: 'one two', b: [1] },
      found: ['yaml-quoted-indent@1:5'],
    });
  });

  it('reads tabs at the start of a continuation line as PyYAML does (stripped)', () => {
    expect(read('a:\n  b: "one\n\ttwo"\n').data).toEqual({ a: { b: 'one two' } });
  });

  it('leaves a document marker at column 0 inside quotes to the parser (PyYAML refuses it too)', () => {
    const { found } = read('a: "one\n...\ntwo"\n');
    expect(found.some((f) => f.startsWith('yaml-syntax'))).toBe(true);
  });

  it('an unclosed quote stays an error', () => {
    const { found } = read('a: "one\nb: two\n');
    expect(found.some((f) => f.startsWith('yaml-syntax'))).toBe(true);
  });

  it('is fast enough on a file of many such scalars', () => {
    let text = '';
    for (let i = 0; i < 1000; i++) text += `k${i}:\n  - "first line\nsecond"\n`;
    const start = performance.now();
    const { data, found } = read(text);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(Object.keys(data as object)).toHaveLength(1000);
    expect(found).toHaveLength(1000);
    expect(found[999]).toBe('yaml-quoted-indent@2999:5');
  });
});
