/**
 * The print options of cv.yaml, checked once with their YAML positions: colours as the original's moderncv
 * accepted them (a moderncv colour scheme name, an xcolor base name, `r,g,b` in 0..1, or `#rrggbb`), the
 * paper, and the PDF theme (a built-in name or a `.typ` file beside the YAML). One reading for every print
 * target, so the PDF and cv.tex agree.
 */
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import {
  BUILTIN_THEMES,
  type BuiltinThemeName,
  type DesignOptions,
  type PrintOptions,
  type Rgb,
  type ThemeRef,
} from '../model/cv.js';
import { closestMatch } from '../util/did-you-mean.js';
import type { MergedYaml } from './merged-yaml.js';
import type { TopLevel } from './top-level.js';

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

/** `color:` when none is given: moderncv's blue, the original's default. */
export const DEFAULT_COLOR = 'blue';

export function resolvePrintOptions(
  meta: TopLevel,
  merged: MergedYaml,
  bag: DiagnosticBag,
  fileExists: (file: string) => boolean,
): PrintOptions {
  const color = (field: 'color' | 'color2' | 'linkcolor'): Rgb | undefined => {
    const value = meta[field];
    if (value === null || value === undefined || value.trim() === '') return undefined;
    const rgb = parseColor(value);
    if (rgb === undefined) {
      bag.warning({
        code: 'unknown-color',
        message: `\`${field}: ${value}\` is not a colour vita knows; the print targets use their default`,
        position: merged.positionOf([field]),
        hints: [
          `use a name (${COLOR_NAMES.join(', ')}), \`#rrggbb\`, or three numbers from 0 to 1 such as \`0.17,0.44,0.51\``,
        ],
      });
    }
    return rgb;
  };
  return {
    style: meta.style ?? 'banking',
    color: color('color') ?? (parseColor(DEFAULT_COLOR) as Rgb),
    color2: color('color2'),
    linkColor: color('linkcolor'),
    paper: meta.paper?.toLowerCase() === 'a4' ? 'a4' : 'letter',
    theme: resolveTheme(meta.theme, merged, bag, fileExists),
    fontFolders: resolveFontFolders(meta.fonts, merged, bag, fileExists),
    design: resolveDesign(meta.design, merged, bag),
  };
}

const POINTS_PER_UNIT: Readonly<Record<string, number>> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };
/** Margins from 0 to 3 inches: beyond that a letter page has no room left for a CV. */
const MAX_MARGIN_PT = 216;

/** A margin as written (`2cm`, `0.75in`, `54pt`, `54`) in points, or undefined when it is not one. */
export function parseMargin(value: string | number): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(pt|mm|cm|in)?$/.exec(String(value).trim().toLowerCase());
  if (!m?.[1]) return undefined;
  const points = Number(m[1]) * (POINTS_PER_UNIT[m[2] ?? 'pt'] ?? 1);
  return points <= MAX_MARGIN_PT ? Math.round(points * 100) / 100 : undefined;
}

/** `design:` (its shape already checked by the schema) to the model; a margin or colour vita cannot read is a warning. */
function resolveDesign(
  design: TopLevel['design'],
  merged: MergedYaml,
  bag: DiagnosticBag,
): DesignOptions | undefined {
  if (design === null || design === undefined) return undefined;
  let marginPt: number | undefined;
  if (design.margin !== null && design.margin !== undefined) {
    marginPt = parseMargin(design.margin);
    if (marginPt === undefined) {
      bag.warning({
        code: 'design-option',
        message: `\`margin: ${design.margin}\` is not a page margin vita can use; the theme's own margins are used`,
        position: merged.positionOf(['design', 'margin']),
        hints: ['write a length from 0 to 3 inches: `2cm`, `20mm`, `0.75in` or `54pt`'],
      });
    }
  }
  let highlight: Rgb | undefined;
  if (design.highlight !== null && design.highlight !== undefined && design.highlight.trim() !== '') {
    highlight = parseColor(design.highlight);
    if (highlight === undefined) {
      bag.warning({
        code: 'unknown-color',
        message: `\`highlight: ${design.highlight}\` is not a colour vita knows; the theme's own highlight is used`,
        position: merged.positionOf(['design', 'highlight']),
        hints: [`use a name (${COLOR_NAMES.join(', ')}), \`#rrggbb\`, or three numbers from 0 to 1`],
      });
    }
  }
  return {
    font: design.font ?? undefined,
    fontSize: design.font_size ?? undefined,
    marginPt,
    density: design.density ?? undefined,
    datePosition: design.date_position ?? undefined,
    keepYearsTogether: design.keep_years_together ?? undefined,
    highlight,
    pdfStandard: design.pdf_standard ?? undefined,
  };
}

/** `fonts:` folders, relative to the first YAML file; a missing one is reported and left out. */
function resolveFontFolders(
  value: string | readonly string[] | null | undefined,
  merged: MergedYaml,
  bag: DiagnosticBag,
  fileExists: (file: string) => boolean,
): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const base = path.dirname(path.resolve(merged.first.file));
  const folders: string[] = [];
  for (const [index, name] of (typeof value === 'string' ? [value] : value).entries()) {
    if (name.trim() === '') continue;
    const folder = path.resolve(base, name.trim());
    if (fileExists(folder)) folders.push(folder);
    else
      bag.warning({
        code: 'font-folder-not-found',
        message: `the font folder \`${name}\` does not exist; the PDF is built without it`,
        position: merged.positionOf(typeof value === 'string' ? ['fonts'] : ['fonts', index]),
        hints: ['a font folder is resolved against the folder of cv.yaml'],
      });
  }
  return folders.length > 0 ? folders : undefined;
}

const isBuiltinTheme = (name: string): name is BuiltinThemeName =>
  (BUILTIN_THEMES as readonly string[]).includes(name);

/** A theme is a built-in name, or a path (it ends in `.typ` or has a slash) relative to the first YAML file. */
function resolveTheme(
  value: string | null | undefined,
  merged: MergedYaml,
  bag: DiagnosticBag,
  fileExists: (file: string) => boolean,
): ThemeRef {
  const name = value?.trim() ?? '';
  if (name === '') return { kind: 'builtin', name: 'default' };
  if (isBuiltinTheme(name)) return { kind: 'builtin', name };
  const fallback: ThemeRef = { kind: 'builtin', name: 'default' };
  if (!name.endsWith('.typ') && !/[/\\]/.test(name)) {
    const suggestion = closestMatch(name, BUILTIN_THEMES);
    bag.error({
      code: 'theme-not-found',
      message: `unknown PDF theme \`${name}\``,
      position: merged.positionOf(['theme']),
      hints: [
        suggestion ? `did you mean \`${suggestion}\`?` : `built-in themes: ${BUILTIN_THEMES.join(', ')}`,
        'for your own theme, give the path of a .typ file relative to cv.yaml (theme: my-theme.typ)',
      ],
    });
    return fallback;
  }
  const file = path.resolve(path.dirname(path.resolve(merged.first.file)), name);
  if (!fileExists(file)) {
    bag.error({
      code: 'theme-not-found',
      message: `the PDF theme file \`${name}\` does not exist`,
      position: merged.positionOf(['theme']),
      hints: [
        `a theme path is resolved against the folder of cv.yaml; built-in themes: ${BUILTIN_THEMES.join(', ')}`,
      ],
    });
    return fallback;
  }
  return { kind: 'file', name, file, position: merged.positionOf(['theme']) };
}
