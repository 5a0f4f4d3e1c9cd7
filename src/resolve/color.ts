/**
 * Colours as cv.yaml writes them (`color: blue`, `linkcolor: '0.17,0.44,0.51'`), as the original's moderncv
 * accepted them: a moderncv colour scheme name, an xcolor base name, `r,g,b` in 0..1, or `#rrggbb`.
 * One reading for every print target, so the PDF and cv.tex agree.
 */

/** Red, green and blue in 0..1. */
export type Rgb = readonly [number, number, number];

/** moderncv's colour schemes (moderncvcolor<name>.sty: color1), then xcolor's base colours. */
const NAMED: Readonly<Record<string, Rgb>> = {
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

/** The colour written in cv.yaml, or undefined when it is not one we know. */
export function parseColor(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  if (Object.hasOwn(NAMED, text)) return NAMED[text];
  if (/^#[0-9a-f]{6}$/.test(text)) {
    return [1, 3, 5].map((i) => Number.parseInt(text.slice(i, i + 2), 16) / 255) as unknown as Rgb;
  }
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => !/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(part))) return undefined;
  const units = parts.map(Number);
  if (units.some((unit) => unit > 1)) return undefined;
  return units as unknown as Rgb;
}
