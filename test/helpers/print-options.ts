/** Print options for hand-built test CVs, written as cv.yaml writes them (`color: blue`, `theme: compact`). */
import path from 'node:path';
import { BUILTIN_THEMES, type PrintOptions, type ThemeRef } from '../../src/model/cv.js';
import { parseColor } from '../../src/resolve/print-options.js';

export interface PrintSpec {
  readonly color?: string;
  readonly color2?: string;
  readonly linkColor?: string;
  readonly paper?: 'letter' | 'a4';
  readonly theme?: string;
  readonly baseDir?: string;
}

const color = (value: string) => {
  const rgb = parseColor(value);
  if (rgb === undefined) throw new Error(`test: not a colour: ${value}`);
  return rgb;
};

export function printOptions(spec: PrintSpec = {}): PrintOptions {
  const name = spec.theme ?? 'default';
  const theme: ThemeRef = (BUILTIN_THEMES as readonly string[]).includes(name)
    ? { kind: 'builtin', name: name as ThemeRef['name'] & (typeof BUILTIN_THEMES)[number] }
    : { kind: 'file', name, file: path.resolve(spec.baseDir ?? '.', name) };
  return {
    style: 'banking',
    color: color(spec.color ?? 'blue'),
    color2: spec.color2 === undefined ? undefined : color(spec.color2),
    linkColor: spec.linkColor === undefined ? undefined : color(spec.linkColor),
    paper: spec.paper ?? 'letter',
    theme,
  };
}
