/**
 * Asks the Typst compiler which characters no loaded font has a glyph for, by typesetting them and exporting
 * PDF/A (compiler.ts, `checkGlyphs`). Used to generate glyph-coverage.ts and by its test; builds use the table.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileTypst } from './compiler.js';

/** The code points the coverage table describes: Latin to CJK symbols, presentation forms, math letters. */
export function candidateCodePoints(): number[] {
  const points: number[] = [];
  const add = (first: number, last: number): void => {
    for (let p = first; p <= last; p++) points.push(p);
  };
  add(0xa1, 0x2fff);
  add(0xfb00, 0xfffd);
  add(0x1d400, 0x1d7ff);
  // Never drawn, or not characters on their own: combining marks, format characters, surrogates, specials.
  const invisible = /[\p{M}\p{Cf}\p{Cc}\p{Cs}\p{Zs}\p{Zl}\p{Zp}\p{Cn}]/u;
  return points.filter((p) => !invisible.test(String.fromCodePoint(p)));
}

/** The characters among `points` that Typst typesets without a glyph. */
export function typstMissingGlyphs(points: readonly number[]): string[] {
  const data = JSON.stringify(points.map((p) => String.fromCodePoint(p)).join(' '));
  const out = compileTypst({
    root: path.join(tmpdir(), `vita-glyph-probe-${process.pid}`),
    files: new Map([
      ['main.typ', `#set page(width: 20cm, height: auto)\n#json(bytes(${JSON.stringify(data)}))`],
    ]),
    main: 'main.typ',
    creationTimestamp: 0,
    checkGlyphs: true,
  });
  if (out.pdf === undefined) throw new Error(out.messages.map((m) => m.message).join('; '));
  return out.missingGlyphs.map((m) => m.text);
}
