/**
 * Fonts for the scripts the bundled faces do not cover (Source Sans 3 and Typst's embedded fonts cover Latin,
 * Greek and Cyrillic): Chinese, Japanese, Korean, Arabic and Hebrew, from the Noto Sans packages of
 * `@expo-google-fonts` (SIL OFL 1.1). A CJK face is about 10 MB a weight, so they are not dependencies of
 * vita: a CV that uses one of these scripts loads the package's regular and bold faces when the package is
 * installed (`npm install @expo-google-fonts/noto-sans-sc`), and otherwise gets a warning naming it. Typst
 * falls back to a loaded font that has the glyph, so the themes need no change; Typst orders right-to-left
 * text itself (Unicode bidi).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ScriptFont {
  /** The script, as a message names it. */
  readonly script: string;
  /** Characters of the script (Unicode script property). */
  readonly pattern: RegExp;
  /** The npm package with the faces. */
  readonly packageName: string;
  /** The faces loaded, relative to the package (regular and bold). */
  readonly files: readonly string[];
}

/**
 * The scripts, in the order their fonts are loaded. Korean's face also has Chinese characters and kana, and
 * Japanese's has Chinese characters: each script loads its own face, so a Korean name uses Korean forms.
 */
export const SCRIPT_FONTS: readonly ScriptFont[] = [
  {
    script: 'Korean (Hangul)',
    pattern: /\p{Script=Hangul}/u,
    packageName: '@expo-google-fonts/noto-sans-kr',
    files: ['400Regular/NotoSansKR_400Regular.ttf', '700Bold/NotoSansKR_700Bold.ttf'],
  },
  {
    script: 'Japanese (kana)',
    pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
    packageName: '@expo-google-fonts/noto-sans-jp',
    files: ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'],
  },
  {
    script: 'Chinese (Han)',
    pattern: /\p{Script=Han}/u,
    packageName: '@expo-google-fonts/noto-sans-sc',
    files: ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'],
  },
  {
    script: 'Arabic',
    pattern: /\p{Script=Arabic}/u,
    packageName: '@expo-google-fonts/noto-sans-arabic',
    files: ['400Regular/NotoSansArabic_400Regular.ttf', '700Bold/NotoSansArabic_700Bold.ttf'],
  },
  {
    script: 'Hebrew',
    pattern: /\p{Script=Hebrew}/u,
    packageName: '@expo-google-fonts/noto-sans-hebrew',
    files: ['400Regular/NotoSansHebrew_400Regular.ttf', '700Bold/NotoSansHebrew_700Bold.ttf'],
  },
];

export interface ScriptFontChoice {
  /** Absolute paths of the font files to load. */
  readonly files: readonly string[];
  /** Scripts the text uses whose package is not installed. */
  readonly missing: readonly ScriptFont[];
}

/** The font files for the scripts `text` uses, and the scripts whose package is missing. */
export function scriptFontsFor(
  text: string,
  resolve: (specifier: string) => string | undefined = resolveInstalled,
): ScriptFontChoice {
  const files: string[] = [];
  const missing: ScriptFont[] = [];
  for (const font of SCRIPT_FONTS) {
    if (!font.pattern.test(text)) continue;
    const resolved = font.files.map((file) => resolve(`${font.packageName}/${file}`));
    if (resolved.every((file): file is string => file !== undefined)) files.push(...resolved);
    else missing.push(font);
  }
  return { files, missing };
}

function resolveInstalled(specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}
