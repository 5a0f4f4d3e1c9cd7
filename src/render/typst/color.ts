/** Colours for the Typst data: the cv.yaml colour (read once, in src/model/color.ts) as `#rrggbb`. */
import { parseColor as parseRgb } from '../../resolve/color.js';

export { COLOR_NAMES } from '../../resolve/color.js';

const hex2 = (unit: number): string =>
  Math.round(unit * 255)
    .toString(16)
    .padStart(2, '0');

/** `#rrggbb` for a colour as written in cv.yaml, or undefined when it is not a colour we know. */
export function parseColor(value: string): string | undefined {
  const rgb = parseRgb(value);
  return rgb ? `#${rgb.map(hex2).join('')}` : undefined;
}
