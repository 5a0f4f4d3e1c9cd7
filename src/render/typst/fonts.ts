/**
 * Fonts for the Typst compiler. The compiler embeds Libertinus Serif, New Computer Modern and DejaVu Sans Mono;
 * the sans face, Source Sans 3 (SIL OFL 1.1), comes from the `@expo-google-fonts/source-sans-3` npm package.
 * Only the weights the built-in themes use are loaded.
 *
 * The machine's own fonts are kept out, so the PDF is the same everywhere: the compiler (0.7) has no option to
 * skip system fonts, but its font search reads fontconfig's configuration first, and `FONTCONFIG_FILE` names
 * `fonts/fontconfig.conf`, whose one font folder holds no font (compiler.ts sets it only while the compiler is
 * created). An empty configuration would not do: with no folder in it the search falls back to
 * /usr/share/fonts and ~/.fonts. This works where the compiler's font search goes through fontconfig's files
 * (Linux and the BSDs); on macOS and Windows it scans the system's font folders directly and nothing in its
 * options stops it (docs/themes.md says so).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../util/package-root.js';

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

/** The fontconfig file that names no system font folder (see above). */
export function isolatedFontconfigFile(): string {
  return path.join(packageRoot(), 'fonts', 'fontconfig.conf');
}

let regularCoverage: ReadonlySet<number> | undefined;

/**
 * The code points the bundled regular face has a glyph for. A text whose every character is in it cannot
 * show a missing glyph (Typst falls back to any loaded font), so the slower check is skipped.
 */
export function bundledCoverage(): ReadonlySet<number> {
  regularCoverage ??= cmapCoverage(
    readFileSync(bundledFontFiles()[SOURCE_SANS_3_STYLES.indexOf('400Regular')] as string),
  );
  return regularCoverage;
}

/** The code points of an OpenType font's Unicode cmap subtable (formats 4 and 12); empty when it has none. */
export function cmapCoverage(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const points = new Set<number>();
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (view.getUint32(record) === 0x636d6170) cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) return points;
  const subtables = view.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = view.getUint16(record);
    const offset = cmap + view.getUint32(record + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && [1, 10].includes(view.getUint16(record + 2)));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = offset;
      bestFormat = format;
    }
  }
  if (bestFormat === 12) {
    const groups = view.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + 12 * g;
      const end = view.getUint32(at + 4);
      for (let c = view.getUint32(at); c <= end; c++) points.add(c);
    }
  } else if (bestFormat === 4) {
    const segments = view.getUint16(best + 6) / 2;
    const ends = best + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = view.getUint16(starts + 2 * s);
      const end = view.getUint16(ends + 2 * s);
      const delta = view.getUint16(deltas + 2 * s);
      const range = view.getUint16(ranges + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (range === 0) glyph = (c + delta) & 0xffff;
        else {
          const at = ranges + 2 * s + range + 2 * (c - start);
          glyph = view.getUint16(at);
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0) points.add(c);
      }
    }
  }
  return points;
}
