/**
 * Variants: the example in examples/variants (two variants, two languages) builds four PDFs and four
 * pages in one run, each PDF's text read back with pdf.js; `--variant` builds one; entries a variant leaves
 * out do not move the positions of the others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/load/yaml-source.js';
import type { Cv } from '../../src/model/cv.js';
import { type BuildResult, buildVariants } from '../../src/pipeline/build.js';
import { MergedYaml, resolveCv } from '../../src/resolve/resolve-cv.js';
import { pdfFlatText, pdfFonts } from '../helpers/pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const EXAMPLE = path.join(REPO_DIR, 'examples/variants/cv.yaml');

describe('examples/variants: two variants in two languages', () => {
  let out: string;
  let result: BuildResult;
  const pdf = (name: string) => pdfFlatText(new Uint8Array(readFileSync(path.join(out, name))));
  const page = (name: string) => readFileSync(path.join(out, name), 'utf8');

  beforeAll(async () => {
    out = tempDir();
    result = await buildVariants({
      files: [EXAMPLE],
      outDir: out,
      targets: ['pdf', 'html', 'md'],
      now: new Date(Date.UTC(2024, 2, 5)),
    });
  }, 60_000);

  it('builds the full CV and every variant in one run, without a warning', () => {
    expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    const files = readdirSync(out).filter((f) => /\.(pdf|html)$/.test(f));
    expect(files.sort()).toEqual(
      [
        'cv.pdf',
        'cv-de.pdf',
        'cv-short.pdf',
        'cv-short-de.pdf',
        'index.html',
        'de.html',
        'short.html',
        'short-de.html',
      ].sort(),
    );
  });

  it('cv.pdf: the full CV in English', async () => {
    const text = await pdf('cv.pdf');
    for (const words of [
      'Last updated on March 5, 2024',
      'Page 1 of 1',
      'Sep 2019 – present',
      'Education',
      'Talks',
    ])
      expect(text).toContain(words);
    expect(text).toContain('Research Assistant');
    expect(text).toContain('Notes on a Sketch of the Analytical Engine');
  });

  it('cv-de.pdf: the full CV in German, with the German texts of the YAML', async () => {
    const text = await pdf('cv-de.pdf');
    for (const words of [
      'Zuletzt aktualisiert am 5. März 2024',
      'Seite 1 von 1',
      'Sept. 2019 – heute',
      'März 2014 – Aug. 2019',
      'Ausbildung',
      'Vorträge',
      'Professorin für Analytische Maschinen',
      'Ausgewählte Publikationen',
      'Ada Lovelace und Charles Babbage',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('present');
  });

  it('cv-short.pdf: tagged sections and entries, selected papers since 2015, in the compact theme', async () => {
    const text = await pdf('cv-short.pdf');
    expect(text).toContain('Last updated on March 5, 2024');
    expect(text).toContain('Professor of Analytical Engines');
    expect(text).toContain('Research Fellow'); // untagged, in a kept section, ends 2019
    expect(text).not.toContain('Research Assistant'); // ended 2014, before `since: 2015`
    expect(text).not.toContain('Education'); // no tag
    expect(text).not.toContain('Talks'); // `display-short: no`
    expect(text).toContain('Engines That Weave Algebraic Patterns');
    expect(text).not.toContain('Notes on a Sketch'); // 2012
    expect(text).not.toContain('Poetical Science'); // not selected
    const fonts = (await pdfFonts(new Uint8Array(readFileSync(path.join(out, 'cv-short.pdf'))))).map(
      (f) => f.name,
    );
    expect(fonts.some((name) => /Libertinus/.test(name))).toBe(true);
  });

  it('cv-short-de.pdf: the short CV in German', async () => {
    const text = await pdf('cv-short-de.pdf');
    for (const words of [
      'Zuletzt aktualisiert am 5. März 2024',
      'Positionen',
      'Sept. 2019 –', // the compact theme's narrow date column wraps before `heute`
      'heute',
      'Ausgewählte Publikationen',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Ausbildung');
    expect(text).not.toContain('Wissenschaftliche Hilfskraft');
  });

  it('the pages: one per variant, each in its language', () => {
    expect(page('index.html')).toContain('<html lang="en">');
    expect(page('de.html')).toContain('<html lang="de">');
    expect(page('short-de.html')).toContain('<html lang="de">');
    expect(page('short-de.html')).toContain('Professorin für Analytische Maschinen');
    expect(page('short.html')).not.toContain('Research Assistant');
    // Each page links its own PDF.
    expect(page('index.html')).toContain('href="cv.pdf"');
    expect(page('short-de.html')).toContain('href="cv-short-de.pdf"');
    expect(page('short-de.html')).not.toContain('href="cv.pdf"');
    expect(page('cv-short-de.md')).toContain('Zuletzt aktualisiert am 5. März 2024');
  });
});

describe('vita build --variant', () => {
  it('builds that variant only', async () => {
    const out = tempDir();
    const run = await runCli([
      'build',
      EXAMPLE,
      '--variant',
      'short',
      '--only',
      'html,md',
      '--out',
      out,
      '--date',
      '2024-03-05',
    ]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['cv-short.md', 'short.html']);
  });

  it('an unknown variant is an error that lists the declared ones, and nothing is written', async () => {
    const out = path.join(tempDir(), 'out');
    const run = await runCli(['build', EXAMPLE, '--variant', 'long', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no variant `long`');
    expect(run.stderr).toContain('de, short, short-de');
    expect(existsSync(out)).toBe(false);
  });
});

describe('a variant as the resolver sees it', () => {
  const YAML = `name: Ada
variants:
  short: {tags: [short], since: 2015}
order: [positions, skills]
positions:
  - title: Old job
    dates: 2001 -- 2003
  - title: Tagged job
    dates: 2016 -- 2018
    tags: [short]
  - title: Untagged \\unknowncommand{job}
    dates: 2019 -- present
skills:
  - {title: Languages, details: English}
`;
  const resolve = (variant?: string): { cv: Cv; shown: string[] } => {
    const { source } = YamlSource.parse('cv.yaml', YAML);
    const result = resolveCv(new MergedYaml([source]), { variant });
    if (!result.cv) throw new Error('no cv');
    return {
      cv: result.cv,
      shown: result.diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column}`),
    };
  };
  const titles = (cv: Cv) => {
    const s = cv.sections.get('positions');
    return s?.type === 'positions' ? s.items.map((i) => JSON.stringify(i.title)) : [];
  };

  it('the full CV keeps every entry, and `tags:` is not shown as a detail', () => {
    const { cv, shown } = resolve();
    expect(titles(cv)).toHaveLength(3);
    expect(JSON.stringify(cv.sections.get('positions'))).not.toContain('short');
    expect(shown).toEqual(['markup 11:21']);
  });

  it('a variant leaves out entries, and problems in the others keep their positions', () => {
    const { cv, shown } = resolve('short');
    expect(titles(cv)).toHaveLength(2);
    expect(cv.sections.has('skills')).toBe(false);
    expect(cv.layouts.print.map((e) => (e.kind === 'section' ? e.key : e.kind))).toEqual(['positions']);
    expect(shown).toEqual(['markup 11:21']);
  });
});

describe('a variant with its own order', () => {
  it('reports a problem of that order at its line under `variants:`', () => {
    const yaml = `name: Ada
variants:
  flip:
    order:
      - skills
      - nosuch
      - positions
order: [positions, skills]
positions:
  - title: Job
skills:
  - {title: Languages, details: English}
`;
    const { source } = YamlSource.parse('cv.yaml', yaml);
    const result = resolveCv(new MergedYaml([source]), { variant: 'flip' });
    expect(result.cv?.layouts.web.map((e) => (e.kind === 'section' ? e.key : e.kind))).toEqual([
      'skills',
      'positions',
    ]);
    const unknown = result.diagnostics.filter((d) => d.code === 'order-unknown-section');
    expect(unknown.map((d) => d.position?.line)).toEqual([6]);
  });
});

describe('the JSON Schema and variants', () => {
  it('accepts `variants:` and `tags:` on entries, and refuses an unknown variant option', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { cvJsonSchema } = await import('../../src/resolve/json-schema.js');
    const ajv = new Ajv2020({
      allErrors: true,
      allowUnionTypes: true,
      allowMatchingProperties: true,
      strict: false,
    });
    const validate = ajv.compile(cvJsonSchema());
    const cv = {
      name: 'Ada',
      variants: {
        short: { tags: ['short'], selected_only: true, since: 2015, theme: 'compact', locale: 'de' },
      },
      education: [{ school: 'London', degree: 'PhD', tags: ['short'] }],
    };
    expect(validate(cv)).toBe(true);
    expect(validate({ ...cv, variants: { short: { shortest: true } } })).toBe(false);
  });
});
