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
  /** The faces' family name, as a theme's font list names it. */
  readonly family: string;
  /** The faces loaded, relative to the package (regular and bold). */
  readonly files: readonly string[];
}

/**
 * The scripts, in the order a theme tries their faces for a character. The three CJK faces each have the
 * Chinese characters (and the Chinese and Korean ones have kana), so the first one in the list draws them:
 * Chinese forms unless the CV's language is Japanese or Korean (`preferredFirst`). Hangul is only in the
 * Korean face, so Korean names always get it.
 */
export const SCRIPT_FONTS: readonly ScriptFont[] = [
  {
    script: 'Chinese (Han)',
    pattern: /\p{Script=Han}/u,
    packageName: '@expo-google-fonts/noto-sans-sc',
    family: 'Noto Sans SC',
    files: ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'],
  },
  {
    script: 'Japanese (kana)',
    pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
    packageName: '@expo-google-fonts/noto-sans-jp',
    family: 'Noto Sans JP',
    files: ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'],
  },
  {
    script: 'Korean (Hangul)',
    pattern: /\p{Script=Hangul}/u,
    packageName: '@expo-google-fonts/noto-sans-kr',
    family: 'Noto Sans KR',
    files: ['400Regular/NotoSansKR_400Regular.ttf', '700Bold/NotoSansKR_700Bold.ttf'],
  },
  {
    script: 'Arabic',
    pattern: /\p{Script=Arabic}/u,
    packageName: '@expo-google-fonts/noto-sans-arabic',
    family: 'Noto Sans Arabic',
    files: ['400Regular/NotoSansArabic_400Regular.ttf', '700Bold/NotoSansArabic_700Bold.ttf'],
  },
  {
    script: 'Hebrew',
    pattern: /\p{Script=Hebrew}/u,
    packageName: '@expo-google-fonts/noto-sans-hebrew',
    family: 'Noto Sans Hebrew',
    files: ['400Regular/NotoSansHebrew_400Regular.ttf', '700Bold/NotoSansHebrew_700Bold.ttf'],
  },
];

/** The family a CV in `language` (a BCP 47 language subtag) wants first for Chinese characters. */
const PREFERRED: Readonly<Record<string, string>> = {
  ja: 'Noto Sans JP',
  ko: 'Noto Sans KR',
  zh: 'Noto Sans SC',
};

/** `families` with the CV language's CJK face first, the rest in the table's order. */
export function preferredFirst(families: readonly string[], language: string | undefined): string[] {
  const first = language === undefined ? undefined : PREFERRED[language];
  return first !== undefined && families.includes(first)
    ? [first, ...families.filter((f) => f !== first)]
    : [...families];
}

export interface ScriptFontChoice {
  /** Absolute paths of the font files to load. */
  readonly files: readonly string[];
  /** Their family names, in the table's order. */
  readonly families: readonly string[];
  /** Scripts the text uses whose package is not installed. */
  readonly missing: readonly ScriptFont[];
}

/** Code units of all these scripts (and a little more): a text without any needs no further look. */
const ANY_SCRIPT =
  /[\u0590-\u08ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff\ud840-\ud87f]/;

/** The font files for the scripts `text` uses, and the scripts whose package is missing. */
export function scriptFontsFor(
  text: string,
  resolve: (specifier: string) => string | undefined = resolveInstalled,
): ScriptFontChoice {
  const files: string[] = [];
  const families: string[] = [];
  const missing: ScriptFont[] = [];
  if (!ANY_SCRIPT.test(text)) return { files, families, missing };
  for (const font of SCRIPT_FONTS) {
    if (!font.pattern.test(text)) continue;
    const resolved = font.files.map((file) => resolve(`${font.packageName}/${file}`));
    if (resolved.every((file): file is string => file !== undefined)) {
      files.push(...resolved);
      families.push(font.family);
    } else missing.push(font);
  }
  return { files, families, missing };
}

function resolveInstalled(specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}
