/**
 * Fonts for the Typst compiler. The compiler embeds Libertinus Serif, New Computer Modern and DejaVu Sans Mono;
 * the sans face, Source Sans 3 (SIL OFL 1.1), comes from the `@expo-google-fonts/source-sans-3` npm package.
 * Only the weights the built-in themes use are loaded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const SOURCE_SANS_3_STYLES = [
  '300Light',
  '300Light_Italic',
  '400Regular',
  '400Regular_Italic',
  '600SemiBold',
  '600SemiBold_Italic',
  '700Bold',
  '700Bold_Italic',
] as const;

let fontFiles: readonly string[] | undefined;

/** Absolute paths of the bundled font files, resolved through Node's module resolution. */
export function bundledFontFiles(): readonly string[] {
  fontFiles ??= SOURCE_SANS_3_STYLES.map((style) =>
    require.resolve(`@expo-google-fonts/source-sans-3/${style}/SourceSans3_${style}.ttf`),
  );
  return fontFiles;
}
