/**
 * Scripts beyond Latin, Greek and Cyrillic in the PDF: Chinese, Japanese, Korean, Arabic and Hebrew names and
 * titles get their glyphs from the Noto Sans packages (loaded only when the CV uses the script), with the
 * machine's fonts hidden as always; Typst's missing-glyph check finds nothing, and the text reads back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { compileTypstPdf } from '../../src/render/typst/index.js';
import { preferredFirst, SCRIPT_FONTS, scriptFontsFor } from '../../src/render/typst/script-fonts.js';
import { pdfFlatText, pdfFonts } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const NOW = new Date('2026-01-01T00:00:00Z');

const NAMES = {
  chinese: '张伟',
  japanese: 'さくら 山田',
  korean: '김민준',
  arabic: 'ليلى حسن',
  hebrew: 'נועה כהן',
  greek: 'Ελένη Παπαδοπούλου',
  cyrillic: 'Иван Петров',
};

/** A CV whose owner and positions are written in seven scripts, and a .bib with a Chinese title. */
function scriptsCv(): Cv {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  writeFileSync(
    path.join(dir, 'publications/all.bib'),
    `@article{zhang2024, title={深度学习的可微优化}, author={${NAMES.chinese} and Ada Lovelace}, journal={计算机学报}, year={2024}}\n`,
  );
  writeFileSync(
    path.join(dir, 'cv.yaml'),
    `name: ${NAMES.chinese}
order:
  - [positions, Positions]
  - [publications, Publications]
positions:
  - title: 研究員
    company: ${NAMES.japanese}
    dates: 2020 - 2024
  - title: 연구원
    company: ${NAMES.korean}
    dates: 2018 - 2020
  - title: باحث
    company: ${NAMES.arabic}
    dates: 2016 - 2018
  - title: חוקרת
    company: ${NAMES.hebrew}
    dates: 2014 - 2016
  - title: Ερευνήτρια
    company: ${NAMES.greek}
    dates: 2012 - 2014
  - title: Исследователь
    company: ${NAMES.cyrillic}
    dates: 2010 - 2012
publications:
  name: ${NAMES.chinese}
  file: all.bib
`,
  );
  const loaded = loadCv([path.join(dir, 'cv.yaml')]);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.cv as Cv;
}

describe('a CV in seven scripts, as a PDF', () => {
  it('has a glyph for every character, and the text reads back', async () => {
    const result = compileTypstPdf(scriptsCv(), { now: NOW });
    expect(result.diagnostics.filter((d) => d.code === 'pdf-missing-glyph')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // No warning at all: the theme's font list names only families that are loaded.
    expect(result.diagnostics).toEqual([]);
    // Each script in its own face; Hebrew and Arabic not in the monospaced face Typst embeds.
    const fonts = (await pdfFonts(result.pdf as Uint8Array)).map((f) => f.name).join(' ');
    // Chinese characters (and kana) in the Chinese face, the CV's language being English; Hangul in the Korean.
    for (const face of ['NotoSansHebrew', 'NotoSansArabic', 'NotoSansKR', 'NotoSansSC'])
      expect(fonts, face).toContain(face);
    expect(fonts).not.toContain('DejaVuSansMono');
    const text = await pdfFlatText(result.pdf as Uint8Array);
    for (const value of [
      NAMES.chinese,
      '深度学习的可微优化',
      '研究員',
      '김민준',
      '연구원',
      'Ελένη',
      'Иван Петров',
    ])
      expect(text, value).toContain(value);
    // Right-to-left words are typeset right to left and extracted in reading order, one word at a time.
    // Right to left: the line `חוקרת, נועה כהן` (title, then company) is laid out from the right, so read
    // from the left of the page its words come last to first; each word reads in its own order.
    expect(text).toContain('כהן נועה ,חוקרת');
    // Arabic is shaped (joined letter forms): the text a PDF reader extracts from Typst's ligature glyphs
    // repeats or reorders letters, so the letters of the words are checked, each present.
    for (const letter of new Set([...'ليلى حسن باحث'.replace(/ /g, '')]))
      expect(text, letter).toContain(letter);
  }, 120_000);
});

describe('script fonts are chosen by the text', () => {
  it('loads none for a CV in Latin, Greek and Cyrillic', () => {
    expect(scriptFontsFor('Ada Lovelace, Ελένη, Иван')).toEqual({ files: [], families: [], missing: [] });
  });

  it('loads the faces of each script the text uses, regular and bold', () => {
    const choice = scriptFontsFor('김민준 and ليلى');
    expect(choice.families).toEqual(['Noto Sans KR', 'Noto Sans Arabic']);
    // Chinese characters take the first CJK face: the CV language's, else the Chinese one.
    const cjk = scriptFontsFor('김민준 さくら 张伟').families;
    expect(cjk).toEqual(['Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR']);
    expect(preferredFirst(cjk, 'ja')).toEqual(['Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR']);
    expect(preferredFirst(cjk, 'de')).toEqual(cjk);
    const files = choice.files.map((f) => path.basename(f));
    expect(files).toEqual([
      'NotoSansKR_400Regular.ttf',
      'NotoSansKR_700Bold.ttf',
      'NotoSansArabic_400Regular.ttf',
      'NotoSansArabic_700Bold.ttf',
    ]);
  });

  it('names the package of a script whose fonts are not installed', () => {
    const choice = scriptFontsFor('נועה', () => undefined);
    expect(choice.files).toEqual([]);
    expect(choice.missing.map((f) => f.packageName)).toEqual(['@expo-google-fonts/noto-sans-hebrew']);
  });

  it('every face of the table exists in its package', () => {
    for (const font of SCRIPT_FONTS) {
      const all = scriptFontsFor(sampleOf(font.pattern));
      expect(all.missing, font.script).toEqual([]);
    }
  });
});

/** One character of the script a pattern matches. */
function sampleOf(pattern: RegExp): string {
  for (const c of ['김', 'さ', '张', 'ل', 'נ']) if (pattern.test(c)) return c;
  throw new Error(`no sample for ${pattern}`);
}
