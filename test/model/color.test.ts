import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { PrintOptions } from '../../src/model/cv.js';
import { resolveColors } from '../../src/render/latex/preamble.js';
import { parseColor as typstColor } from '../../src/render/typst/color.js';
import { COLOR_NAMES, parseColor } from '../../src/resolve/color.js';

const print = (color: string): PrintOptions => ({
  style: 'banking',
  color,
  paper: 'letter',
  theme: 'default',
});

describe('print colours', () => {
  it('read names, #rrggbb and r,g,b triples once, for every print target', () => {
    expect(parseColor('Blue')).toEqual([0.22, 0.45, 0.7]);
    expect(parseColor('#336699')).toEqual([0x33 / 255, 0x66 / 255, 0x99 / 255]);
    expect(parseColor('0.17, 0.44, 0.51')).toEqual([0.17, 0.44, 0.51]);
    expect(parseColor('1.5,0,0')).toBeUndefined();
    expect(parseColor('chartreuse')).toBeUndefined();
  });

  it('the PDF and cv.tex accept the same colours', () => {
    for (const color of [...COLOR_NAMES, '#336699', '0.17,0.44,0.51']) {
      const diagnostics: Diagnostic[] = [];
      const latex = resolveColors(print(color), diagnostics);
      expect(diagnostics, color).toEqual([]);
      const hex = typstColor(color) as string;
      const channel = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
      expect(Math.abs(latex.primary.r - channel(0))).toBeLessThan(0.003);
      expect(Math.abs(latex.primary.g - channel(1))).toBeLessThan(0.003);
      expect(Math.abs(latex.primary.b - channel(2))).toBeLessThan(0.003);
    }
  });
});
