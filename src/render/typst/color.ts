/** Colours for the Typst data: a model colour (read once, in src/resolve/print-options.ts) as `#rrggbb`. */
import type { Rgb } from '../../model/cv.js';

const hex2 = (unit: number): string =>
  Math.round(unit * 255)
    .toString(16)
    .padStart(2, '0');

export function hexColor(rgb: Rgb): string {
  return `#${rgb.map(hex2).join('')}`;
}
