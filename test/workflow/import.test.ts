/**
 * `vita import jsonresume`: text keeps every character through cv.yaml and publications.bib (LaTeX and
 * BibTeX escaping), wrong input is reported at its line:column with nothing written, and existing files
 * are never overwritten.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexText, latexText } from '../../src/import/jsonresume/latex-text.js';
import { parseInlineDetailed } from '../../src/inline/parse.js';
import { inlineToText } from '../../src/inline/to-text.js';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { resumeValidator } from './resume-schema.js';

const tempDir = useTempDirs();

/** Text with the characters the LaTeX subset and BibTeX treat specially. */
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'\\{}$&%#_~^-`\'"@ \nab<>|'.split('')) }),
);

describe('escaping imported text', () => {
  it('a cv.yaml string reads back as the same text (a backtick reads as ‘)', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const { nodes, problems } = parseInlineDetailed(latexText(text));
        expect(problems).toEqual([]);
        expect(inlineToText(nodes)).toBe(text.replace(/`/g, '‘'));
      }),
      { numRuns: 500 },
    );
  });

  it('a BibTeX field reads back as the same text, unpaired braces left out', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const { value, droppedBraces } = bibtexText(text);
        const bib = readBibtex(`@misc{key,\n  title = {${value}},\n  year = {2020},\n}\n`, 'test.bib');
        expect(bib.diagnostics).toEqual([]);
        expect(bib.entries).toHaveLength(1);
        const read = inlineToText(
          parseInlineDetailed(bib.entries[0]?.fields.get('title')?.value ?? '').nodes,
        );
        let expected = text.replace(/`/g, '‘');
        if (droppedBraces > 0) expected = expected.replace(/[{}]/g, '');
        if (droppedBraces > 0) expect(read.replace(/[{}]/g, '')).toBe(expected);
        else expect(read).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

async function importResume(resume: unknown | string) {
  const dir = tempDir();
  const file = path.join(dir, 'resume.json');
  writeFileSync(file, typeof resume === 'string' ? resume : JSON.stringify(resume, null, 2));
  const out = path.join(dir, 'out');
  const run = await runCli(['import', 'jsonresume', file, '--out', out]);
  return { ...run, dir, out, written: existsSync(out) ? readdirSync(out).sort() : [] };
}

describe('vita import jsonresume', () => {
  it('keeps special characters through import, build and export', async () => {
    const text = "R&D -- 100% {fun} at $5 #1 ~ a_b \\ c^2 ``quoted''";
    const r = await importResume({
      basics: { name: 'Zoë Example', email: 'zoe_example@example.org', url: 'https://example.org/~zoe_e' },
      projects: [{ name: 'R&D_tool', description: 'A 100% {tool}', url: 'https://example.org/r_d' }],
      work: [{ name: text, position: 'Lead', startDate: '2020-01', highlights: ['50% faster & {better}'] }],
      publications: [
        {
          name: `Paper on ${text}`,
          publisher: 'J. {Odd} Venue',
          releaseDate: '2021',
          summary: 'Line one.\n@inline at a line start',
        },
      ],
    });
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.code).toBe(0);
    expect(r.written).toEqual(['cv.yaml', 'publications.bib']);
    const build = await runCli([
      'build',
      path.join(r.out, 'cv.yaml'),
      '--only',
      'json',
      '--offline',
      '--out',
      path.join(r.dir, 'build'),
    ]);
    expect(build.stderr).not.toMatch(/error:/);
    expect(build.code).toBe(0);
    const resume = JSON.parse(readFileSync(path.join(r.dir, 'build/cv.json'), 'utf8'));
    expect(resumeValidator()(resume)).toEqual([]);
    const shown = text.replace(/`/g, '‘');
    expect(resume.basics).toMatchObject({
      name: 'Zoë Example',
      email: 'zoe_example@example.org',
      url: 'https://example.org/~zoe_e',
    });
    expect(resume.projects).toEqual([
      { name: 'R&D_tool', description: 'A 100% {tool}', url: 'https://example.org/r_d' },
    ]);
    expect(resume.work[0]).toMatchObject({
      name: shown,
      position: 'Lead',
      startDate: '2020-01',
      highlights: ['50% faster & {better}'],
    });
    expect(resume.work[0].endDate).toBeUndefined();
    expect(resume.publications[0]).toMatchObject({
      name: `Paper on ${shown}`,
      publisher: 'J. {Odd} Venue',
      releaseDate: '2021',
    });
    expect(resume.publications[0].summary).toBe('Line one.\n@inline at a line start');
  });

  it('malformed JSON: an error at its line and column, nothing written', async () => {
    const r = await importResume('{\n  "basics": {\n    "name": "Ada",\n  }\n}\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resume\.json:4:3: error: `.*resume\.json` is not valid JSON/);
    expect(r.written).toEqual([]);
  });

  it('a value of the wrong type: an error at the value, nothing written', async () => {
    const r = await importResume({ basics: { name: 'Ada' }, work: { name: 'Analytical Engine' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resume\.json:5:11: error: `work` must be an array/);
    expect(r.written).toEqual([]);
  });

  it('fields vita has no place for are warned about at their key', async () => {
    const r = await importResume({ basics: { name: 'Ada', label: 'Mathematician' }, extra: { x: 1 } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/resume\.json:4:5: warning: `basics\.label` is not imported/);
    expect(r.stderr).toMatch(/resume\.json:6:3: warning: `extra` is not imported/);
  });

  it('never overwrites: an existing cv.yaml stops it before anything is written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'resume.json');
    writeFileSync(
      file,
      JSON.stringify({ basics: { name: 'Ada' }, publications: [{ name: 'P', releaseDate: '2020' }] }),
    );
    writeFileSync(path.join(dir, 'cv.yaml'), 'name: Mine\n');
    const r = await runCli(['import', 'jsonresume', file, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not overwriting .*cv\.yaml/);
    expect(readFileSync(path.join(dir, 'cv.yaml'), 'utf8')).toBe('name: Mine\n');
    expect(existsSync(path.join(dir, 'publications.bib'))).toBe(false);
  });
});
