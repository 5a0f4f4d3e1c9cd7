/**
 * Theme lookup: a built-in name (`themes/<name>.typ`, shipped in the npm package) or the path of the user's
 * own `.typ` file, resolved against `Cv.baseDir`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import { packageRoot } from '../../util/package-root.js';

/** `themes/` at the package root (found from src/, dist/ and the CLI bundle alike). */
const THEMES_DIR = path.join(packageRoot(), 'themes');

export const BUILTIN_THEMES = ['default', 'compact'] as const;
export type BuiltinThemeName = (typeof BUILTIN_THEMES)[number];
export const DEFAULT_THEME: BuiltinThemeName = 'default';

export interface ResolvedTheme {
  /** The built-in name, or the path as written in cv.yaml. */
  readonly name: string;
  readonly builtin: boolean;
  /** Absolute path of the theme file. */
  readonly file: string;
  /** Path shown in diagnostics (as written, joined to the CV's folder). */
  readonly displayFile: string;
  readonly source: string;
}

const builtinSources = new Map<BuiltinThemeName, string>();

const isBuiltin = (name: string): name is BuiltinThemeName =>
  (BUILTIN_THEMES as readonly string[]).includes(name);
const looksLikePath = (name: string): boolean => name.endsWith('.typ') || /[/\\]/.test(name);

export function builtinThemeFile(name: BuiltinThemeName): string {
  return path.join(THEMES_DIR, `${name}.typ`);
}

export function resolveTheme(theme: string, baseDir: string): ResolvedTheme | Diagnostic {
  const name = theme.trim() === '' ? DEFAULT_THEME : theme.trim();
  if (isBuiltin(name)) {
    const file = builtinThemeFile(name);
    let source = builtinSources.get(name);
    if (source === undefined) {
      source = readFileSync(file, 'utf8');
      builtinSources.set(name, source);
    }
    return { name, builtin: true, file, displayFile: file, source };
  }
  if (!looksLikePath(name)) {
    return error({
      code: 'typst-theme-not-found',
      message: `Unknown PDF theme '${name}'.`,
      hints: [
        `Built-in themes: ${BUILTIN_THEMES.join(', ')}.`,
        'For your own theme, give the path of a .typ file relative to cv.yaml (e.g. theme: my-theme.typ).',
      ],
    });
  }
  const displayFile = path.join(baseDir, name);
  const file = path.resolve(baseDir, name);
  try {
    return { name, builtin: false, file, displayFile, source: readFileSync(file, 'utf8') };
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    return error({
      code: 'typst-theme-not-found',
      message: `The PDF theme file '${displayFile}' ${reason}.`,
      hints: [
        `Built-in themes: ${BUILTIN_THEMES.join(', ')}.`,
        'A theme path is resolved against the folder of cv.yaml.',
      ],
    });
  }
}
