/**
 * The PDF's fonts do not depend on the machine: Typst sees its embedded fonts, vita's bundled Source Sans 3 and
 * the `fonts:` folders of cv.yaml, never the installed ones; a character no loaded font has is a warning that
 * names it and its field, not a silent empty box.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { compileTypst } from '../../src/render/typst/compiler.js';
import { bundledFontFiles, cmapCoverage, isolatedFontconfigFile } from '../../src/render/typst/fonts.js';
import { GLYPH_COVERAGE } from '../../src/render/typst/glyph-coverage.js';
import { candidateCodePoints, typstMissingGlyphs } from '../../src/render/typst/glyph-probe.js';
import { compileTypstPdf, mayLackGlyphs } from '../../src/render/typst/index.js';
import { registerSkip } from '../helpers/skips.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { rich, testCv, withSections } from '../helpers/test-cv.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const tempDir = useTempDirs();

/** An installed font and its family name, when the machine has one of these common ones. */
const INSTALLED = [
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
].find((font) => existsSync(font.file));
if (!INSTALLED) registerSkip('system font isolation (typst)', 'apt-get install fonts-dejavu-core');

let rootCount = 0;
/** Compiles a one-line document asking for `family` without fallback; returns Typst's warnings. */
function warningsFor(family: string, fontFolders?: readonly string[]): string[] {
  // A root of its own: the compiler (and the fonts it found) is made once per root and font folders.
  const root = path.join(tmpdir(), `vita-fonts-test-${process.pid}-${rootCount++}`);
  const out = compileTypst({
    root,
    files: new Map([['main.typ', `#text(font: "${family}", fallback: false)[Hello]`]]),
    main: 'main.typ',
    creationTimestamp: 0,
    fontFolders,
  });
  expect(out.pdf).toBeDefined();
  return out.messages.map((m) => m.message);
}

describe('the fonts Typst sees', () => {
  it('reads the cmap of the bundled face', () => {
    const regular = bundledFontFiles().find((file) => file.includes('400Regular.ttf')) as string;
    const coverage = cmapCoverage(readFileSync(regular));
    for (const c of 'Aé—ő') expect(coverage.has(c.codePointAt(0) as number), c).toBe(true);
    for (const c of '😀漢') expect(coverage.has(c.codePointAt(0) as number), c).toBe(false);
  });

  it('ships the fontconfig file that hides the system fonts (package.json "files")', () => {
    const file = isolatedFontconfigFile();
    expect(readFileSync(file, 'utf8')).toContain('<dir prefix="relative">.</dir>');
    const manifest = JSON.parse(readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8')) as {
      files: string[];
    };
    expect(manifest.files).toContain(path.relative(REPO_DIR, path.dirname(file)));
  });

  it('includes the embedded and bundled fonts', () => {
    expect(warningsFor('Libertinus Serif')).toEqual([]);
    expect(warningsFor('Source Sans 3')).toEqual([]);
  });

  it.skipIf(!INSTALLED)('excludes the fonts installed on the machine', () => {
    const { family } = INSTALLED as { family: string };
    const before = process.env.FONTCONFIG_FILE;
    expect(warningsFor(family)).toEqual([`unknown font family: ${family.toLowerCase()}`]);
    expect(process.env.FONTCONFIG_FILE).toBe(before);
  });

  it.skipIf(!INSTALLED)('includes a font folder named in cv.yaml', () => {
    const { file, family } = INSTALLED as { file: string; family: string };
    const folder = tempDir();
    copyFileSync(file, path.join(folder, path.basename(file)));
    expect(warningsFor(family, [folder])).toEqual([]);
  });
});

describe('fonts: in cv.yaml', () => {
  it('gives the folders relative to cv.yaml, and warns about a missing one', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'my fonts'));
    writeFileSync(path.join(dir, 'cv.yaml'), 'name: Ada\nfonts:\n  - my fonts\n  - nowhere\n');
    const { cv, diagnostics } = loadCv([path.join(dir, 'cv.yaml')]);
    expect(cv?.print.fontFolders).toEqual([path.join(dir, 'my fonts')]);
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([['font-folder-not-found', 4]]);
  });
});

describe('a character no loaded font has', () => {
  const withAbout = (text: string): Cv =>
    withSections(testCv(), (section) =>
      section.type === 'about' ? { ...section, text: rich(text) } : section,
    );
  const missing = (cv: Cv) =>
    compileTypstPdf(cv, { now: NOW }).diagnostics.filter((d) => d.code === 'pdf-missing-glyph');

  it('is a warning naming the character, its code point and the section', () => {
    const found = missing(withAbout('Smile 😀, and 𓀀 too'));
    expect(found.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(found[0]?.message).toContain('`😀` (U+1F600) in section `about`');
    expect(found[1]?.message).toContain('`𓀀` (U+13000) in section `about`');
  });

  it('is not reported for characters the fonts have', () => {
    expect(missing(withAbout('Zürich — Ελλάδα, Київ, naïve “quotes”'))).toEqual([]);
  });
});

describe('the table of covered characters (glyph-coverage.ts)', () => {
  const inTable = (point: number): boolean => {
    for (let i = 0; i < GLYPH_COVERAGE.length; i += 2)
      if (point >= (GLYPH_COVERAGE[i] as number) && point <= (GLYPH_COVERAGE[i + 1] as number)) return true;
    return false;
  };

  it('agrees with the compiler (a sample of every 25th candidate; else run scripts/gen-glyph-coverage.js)', () => {
    const sample = candidateCodePoints().filter((_, index) => index % 25 === 0);
    const missing = new Set(typstMissingGlyphs(sample).map((c) => c.codePointAt(0)));
    expect(missing.size).toBeGreaterThan(0);
    const disagreeing = sample.filter((p) => inTable(p) === missing.has(p));
    expect(disagreeing.map((p) => `U+${p.toString(16)}`)).toEqual([]);
  });

  it('spares the second export for characters some loaded font has, not for others', () => {
    expect(mayLackGlyphs('Zürich ∘ → ∑ ≤ “quotes” — Ελλάδα')).toBe(false);
    expect(mayLackGlyphs('a smile 😀')).toBe(true);
    expect(mayLackGlyphs('漢')).toBe(true);
  });
});
