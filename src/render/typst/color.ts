/**
 * Colours as cv.yaml writes them (`color: blue`, `linkcolor: '0.17,0.44,0.51'`), as the original's moderncv
 * accepted them: a moderncv colour scheme name, an xcolor base name, `r,g,b` in 0..1, or `#rrggbb`.
 */

/** moderncv's colour schemes (moderncvcolor<name>.sty: color1), then xcolor's base colours. */
const NAMED: Readonly<Record<string, readonly [number, number, number]>> = {
  blue: [0.22, 0.45, 0.7],
  orange: [0.95, 0.55, 0.15],
  green: [0.35, 0.7, 0.3],
  red: [0.95, 0.2, 0.2],
  purple: [0.5, 0.33, 0.8],
  grey: [0.55, 0.55, 0.55],
  gray: [0.5, 0.5, 0.5],
  black: [0, 0, 0],
  burgundy: [0.596078, 0, 0],
  white: [1, 1, 1],
  cyan: [0, 1, 1],
  magenta: [1, 0, 1],
  yellow: [1, 1, 0],
  brown: [0.75, 0.5, 0.25],
  lime: [0.75, 1, 0],
  olive: [0.5, 0.5, 0],
  pink: [1, 0.75, 0.75],
  teal: [0, 0.5, 0.5],
  violet: [0.5, 0, 0.5],
  darkgray: [0.25, 0.25, 0.25],
  lightgray: [0.75, 0.75, 0.75],
};

export const COLOR_NAMES: readonly string[] = Object.keys(NAMED);

const hex2 = (unit: number): string =>
  Math.round(unit * 255)
    .toString(16)
    .padStart(2, '0');

/** `#rrggbb` for a colour as written in cv.yaml, or undefined when it is not a colour we know. */
export function parseColor(value: string): string | undefined {
  const text = value.trim().toLowerCase();
  const named = NAMED[text];
  if (named) return `#${named.map(hex2).join('')}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => !/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(part))) return undefined;
  const units = parts.map(Number);
  if (units.some((unit) => unit > 1)) return undefined;
  return `#${units.map(hex2).join('')}`;
}
