/**
 * Theme lookup: a built-in name (`themes/<name>.typ`, shipped in the npm package) or the path of the user's
 * own `.typ` file (resolved and checked by src/resolve/print-options.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { error } from '../../diagnostics/diagnostic.js';
import type { BuiltinThemeName, ThemeRef } from '../../model/cv.js';
import { packageRoot } from '../../util/package-root.js';

/** `themes/` at the package root (found from src/, dist/ and the CLI bundle alike). */
const THEMES_DIR = path.join(packageRoot(), 'themes');

export { BUILTIN_THEMES } from '../../model/cv.js';

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

/** The shared helpers every built-in theme imports (`#import "vita-lib.typ": *`); user themes may too. */
export const LIBRARY_FILE = 'vita-lib.typ';
let librarySource: string | undefined;

export function loadLibrary(): string {
  librarySource ??= readFileSync(path.join(THEMES_DIR, LIBRARY_FILE), 'utf8');
  return librarySource;
}

export function builtinThemeFile(name: BuiltinThemeName): string {
  return path.join(THEMES_DIR, `${name}.typ`);
}

/**
 * The theme's source. The resolver checked that the theme exists; a user's file that cannot be read now
 * (removed or made unreadable since) is an error of this target.
 */
export function loadTheme(theme: ThemeRef, baseDir: string): ResolvedTheme | Diagnostic {
  if (theme.kind === 'builtin') {
    const file = builtinThemeFile(theme.name);
    let source = builtinSources.get(theme.name);
    if (source === undefined) {
      source = readFileSync(file, 'utf8');
      builtinSources.set(theme.name, source);
    }
    return { name: theme.name, builtin: true, file, displayFile: file, source };
  }
  const displayFile = path.join(baseDir, theme.name);
  try {
    return {
      name: theme.name,
      builtin: false,
      file: theme.file,
      displayFile,
      source: readFileSync(theme.file, 'utf8'),
    };
  } catch (cause) {
    return error({
      code: 'theme-not-found',
      message: `the PDF theme file \`${displayFile}\` cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
      hints: ['a theme path is resolved against the folder of cv.yaml'],
    });
  }
}
