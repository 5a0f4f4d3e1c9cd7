import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { preambleColors } from '../../src/render/latex/preamble.js';
import { hexColor } from '../../src/render/typst/color.js';
import { COLOR_NAMES, parseColor } from '../../src/resolve/print-options.js';
import { printOptions } from '../helpers/print-options.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

function load(yaml: string, files: Record<string, string> = {}) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const file = path.join(dir, 'cv.yaml');
  writeFileSync(file, yaml);
  const result = loadCv([file]);
  const shown = (d: (typeof result.diagnostics)[number]) =>
    `${d.severity} ${d.code} ${d.position ? `${path.basename(d.position.file)}:${d.position.line}:${d.position.column}` : '-'}`;
  return { ...result, shown: result.diagnostics.map(shown), dir };
}

describe('colours', () => {
  it.each([
    ['blue', '#3873b3'],
    ['black', '#000000'],
    [' Grey ', '#8c8c8c'],
    ['0.17,0.44,0.51', '#2b7082'],
    ['0, 1, .5', '#00ff80'],
    ['#A0B1C2', '#a0b1c2'],
  ])('%j reads as %s', (value, hex) => expect(hexColor(parseColor(value) ?? [9, 9, 9])).toBe(hex));

  it.each(['chartreuse-ish', '1,2,3', '0.1,0.2', 'red); #read("x")', '#12345', ''])(
    '%j is not a colour',
    (value) => expect(parseColor(value)).toBeUndefined(),
  );

  it('the PDF and cv.tex get the same colour from one reading', () => {
    for (const color of [...COLOR_NAMES, '#336699', '0.17,0.44,0.51']) {
      const print = printOptions({ color });
      const latex = preambleColors(print).primary;
      const hex = hexColor(print.color);
      const channel = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      expect(Math.abs(latex.r - channel(0)), color).toBeLessThan(0.003);
      expect(Math.abs(latex.g - channel(1)), color).toBeLessThan(0.003);
      expect(Math.abs(latex.b - channel(2)), color).toBeLessThan(0.003);
    }
  });

  it('an unknown colour is one warning at its YAML position, and the default is used', () => {
    const { cv, shown, diagnostics } = load(
      'name: A\ncolor: chartreuse-ish\nlinkcolor: "2,2,2"\ncolor2: black\n',
    );
    expect(shown).toEqual(['warning unknown-color cv.yaml:2:8', 'warning unknown-color cv.yaml:3:12']);
    expect(diagnostics[0]?.message).toBe(
      '`color: chartreuse-ish` is not a colour vita knows; the print targets use their default',
    );
    expect(cv?.print.color).toEqual(parseColor('blue'));
    expect(cv?.print.linkColor).toBeUndefined();
    expect(cv?.print.color2).toEqual([0, 0, 0]);
  });
});

describe('themes', () => {
  it('a built-in name, and no theme, resolve to built-in themes', () => {
    expect(load('name: A\ntheme: compact\n').cv?.print.theme).toEqual({ kind: 'builtin', name: 'compact' });
    expect(load('name: A\n').cv?.print.theme).toEqual({ kind: 'builtin', name: 'default' });
  });

  it('an unknown name is an error at its position, with the closest built-in theme', () => {
    const { cv, shown, diagnostics } = load('name: A\ntheme: compcat\n');
    expect(cv).toBeUndefined();
    expect(shown).toEqual(['error theme-not-found cv.yaml:2:8']);
    expect(diagnostics[0]?.hints[0]).toBe('did you mean `compact`?');
  });

  it('a .typ path resolves against the YAML folder and must exist', () => {
    const found = load('name: A\ntheme: mine.typ\n', { 'mine.typ': '#let render(data) = []\n' });
    expect(found.cv?.print.theme).toEqual({
      kind: 'file',
      name: 'mine.typ',
      file: path.join(found.dir, 'mine.typ'),
      position: { file: path.join(found.dir, 'cv.yaml'), line: 2, column: 8 },
    });
    const missing = load('name: A\ntheme: themes/missing.typ\n');
    expect(missing.shown).toEqual(['error theme-not-found cv.yaml:2:8']);
    expect(missing.diagnostics[0]?.message).toBe('the PDF theme file `themes/missing.typ` does not exist');
  });
});
