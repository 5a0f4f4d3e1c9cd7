/**
 * `locale:` through the whole build: the labels, dates and default headings of each language in the
 * page, cv.md, cv.tex and the PDF (its text read back with pdf.js).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeOf } from '../../src/locale/locale.js';
import { BUILTIN_THEMES } from '../../src/model/cv.js';
import { renderCv } from '../../src/pipeline/build.js';
import type { TargetName } from '../../src/render/shared/target.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const NOW = new Date(Date.UTC(2024, 2, 5));

const BIB = `@inproceedings{dated,
  title = {A Dated Paper},
  author = {Ada Lovelace and Charles Babbage and Mary Somerville},
  booktitle = {NeurIPS},
  year = {2010},
  codeurl = {https://example.org/code},
  slidesurl = {https://example.org/slides},
  selected = {true},
}
@misc{undated,
  title = {An Undated Note},
  author = {Ada Lovelace},
}
`;

function cvYaml(locale: string): string {
  return `name: Ada Lovelace
email: ada@example.org
locale: ${locale}
order:
  - news
  - positions
  - publications
news:
  - date: Mar 2024
    info: Something happened
positions:
  - title: Professor
    place: Analytical Engine Society
    dates: Sep 2019 -- present
publications:
  file: all.bib
  group_by_year: true
  group_cutoff_year: 2012
`;
}

async function build(locale: string, targets: readonly TargetName[], extraYaml = '') {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'publications'));
  writeFileSync(path.join(dir, 'publications', 'all.bib'), BIB);
  writeFileSync(path.join(dir, 'cv.yaml'), `${cvYaml(locale)}${extraYaml}`);
  const result = await renderCv({ files: [path.join(dir, 'cv.yaml')], outDir: dir, targets, now: NOW });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  const file = (name: string) => result.files.find((f) => f.path === name)?.contents;
  return { result, file };
}

const text = (contents: string | Uint8Array | undefined): string =>
  typeof contents === 'string' ? contents : new TextDecoder().decode(contents);

/** What each language must show: the date of the news item, the open end, a default heading. */
const EXPECTED: Record<string, { news: string; present: string; heading: string; updated: string }> = {
  en: {
    news: 'Mar 2024',
    present: 'present',
    heading: 'Positions',
    updated: 'Last updated on March 5, 2024',
  },
  de: {
    news: 'März 2024',
    present: 'heute',
    heading: 'Positionen',
    updated: 'Zuletzt aktualisiert am 5. März 2024',
  },
  fr: {
    news: 'mars 2024',
    present: 'aujourd’hui',
    heading: 'Postes',
    updated: 'Dernière mise à jour le 5 mars 2024',
  },
  es: {
    news: 'mar 2024',
    present: 'actualidad',
    heading: 'Puestos',
    updated: 'Última actualización: 5 de marzo de 2024',
  },
  it: {
    news: 'mar 2024',
    present: 'oggi',
    heading: 'Posizioni',
    updated: 'Ultimo aggiornamento: 5 marzo 2024',
  },
  pt: {
    news: 'mar. de 2024',
    present: 'atual',
    heading: 'Cargos',
    updated: 'Última atualização em 5 de março de 2024',
  },
  nl: {
    news: 'mrt 2024',
    present: 'heden',
    heading: 'Functies',
    updated: 'Laatst bijgewerkt op 5 maart 2024',
  },
  tr: {
    news: 'Mar 2024',
    present: 'günümüz',
    heading: 'Pozisyonlar',
    updated: 'Son güncelleme: 5 Mart 2024',
  },
  ru: {
    news: 'март 2024 г.',
    present: 'настоящее время',
    heading: 'Должности',
    updated: 'Обновлено 5 марта 2024 г.',
  },
  zh: { news: '2024年3月', present: '至今', heading: '工作经历', updated: '最后更新于 2024年3月5日' },
  ja: { news: '2024年3月', present: '現在', heading: '職歴', updated: '最終更新日：2024年3月5日' },
  ko: { news: '2024년 3월', present: '현재', heading: '경력', updated: '최종 업데이트: 2024년 3월 5일' },
};

describe('locale: in the page and cv.md', () => {
  it.each(Object.keys(EXPECTED))('%s', async (language) => {
    const { file } = await build(language, ['html', 'md']);
    const expected = EXPECTED[language] as (typeof EXPECTED)[string];
    const { labels } = localeOf(language);
    const page = text(file('index.html'));
    const md = text(file('cv.md'));
    expect(page).toContain(`<html lang="${language}">`);
    for (const out of [page, md]) {
      expect(out).toContain(expected.news);
      expect(out).toContain(expected.present);
      expect(out).toContain(expected.heading);
      expect(out).toContain(labels.undated);
      expect(out).toContain(labels.andEarlier.replace('{year}', '2012'));
      expect(out).toContain(`>${labels.links.sourceCode}</a>`);
      expect(out).toContain(`>${labels.links.slides}</a>`);
    }
    expect(page).toContain(labels.skipToContent);
    expect(page).toContain(labels.selectedPublication);
    // The footer: the label around a <time> on the page, the whole line in cv.md.
    expect(page.replace(/<time[^>]*>|<\/time>/g, '')).toContain(expected.updated);
    expect(md).toContain(expected.updated);
  });

  it('writes authors with the language’s "and" (Intl.ListFormat)', async () => {
    const { file } = await build('de', ['md']);
    expect(text(file('cv.md'))).toMatch(/Ada Lovelace.*, Charles Babbage.* und .*Mary Somerville/);
  });

  it('an unknown locale is a warning at its line, and the CV is in English', async () => {
    const { result, file } = await build('xx-QQ', ['html']);
    const warnings = result.diagnostics.filter((d) => d.code === 'locale-unknown');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.position?.line).toBe(3);
    expect(warnings[0]?.message).toContain('`xx-QQ`');
    const page = text(file('index.html'));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Sep 2019 -- present'.replace('--', '–'));
  });

  it('a string that is no language tag is a warning too', async () => {
    const { result } = await build('"not a tag"', ['md']);
    expect(result.diagnostics.map((d) => d.code)).toContain('locale-unknown');
  });
});

describe('locale: in print', () => {
  it.each(['de', 'fr', 'ru', 'tr'])('%s: the PDF text has the labels and dates', async (language) => {
    const { file } = await build(language, ['pdf', 'tex']);
    const expected = EXPECTED[language] as (typeof EXPECTED)[string];
    const { labels } = localeOf(language);
    const pdf = file('cv.pdf');
    expect(pdf).toBeInstanceOf(Uint8Array);
    const pdfText = await pdfFlatText(pdf as Uint8Array);
    for (const word of [
      expected.news,
      expected.present,
      expected.heading,
      expected.updated,
      labels.undated,
    ]) {
      expect(pdfText).toContain(word);
    }
    expect(pdfText).toContain(labels.page.replace('{page}', '1').replace('{total}', '1'));
    // cv.tex is for pdfLaTeX with T1 fonts: Latin scripts only (Cyrillic becomes a boxed "?", docs/latex.md).
    if (language === 'ru') return;
    const tex = text(file('cv.tex'));
    expect(tex).toContain(expected.heading);
    expect(tex).toContain(labels.selectedHighlighted[1]);
  });
});

describe('locale: in every PDF theme', () => {
  it.each(BUILTIN_THEMES)('%s: the footer and the words of the theme are German', async (theme) => {
    const { file } = await build('de', ['pdf'], `theme: ${theme}\n`);
    const pdfText = await pdfFlatText(file('cv.pdf') as Uint8Array);
    expect(pdfText).toContain('Zuletzt aktualisiert am 5. März 2024');
    expect(pdfText).toContain('Seite 1 von 1');
    for (const english of ['Last updated', 'Page 1 of', 'Advisor', 'Selected publications are'])
      expect(pdfText).not.toContain(english);
  });
});
